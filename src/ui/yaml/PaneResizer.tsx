import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useEditorStore } from '../../store/useEditorStore';

const KEY_STEP = 24;

/** The YAML pane's top edge: drag it (or focus it and press ↑/↓) to change the pane's height. */
export function PaneResizer() {
  const height = useEditorStore((state) => state.height);
  const setHeight = useEditorStore((state) => state.setHeight);
  const drag = useRef<{ startY: number; startHeight: number } | null>(null);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startY: event.clientY, startHeight: height };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current !== null) setHeight(drag.current.startHeight + drag.current.startY - event.clientY);
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'ArrowUp') setHeight(height + KEY_STEP);
    else if (event.key === 'ArrowDown') setHeight(height - KEY_STEP);
    else return;
    event.preventDefault();
  };

  return (
    <div
      className="yaml-pane__resizer"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the YAML pane"
      aria-valuenow={height}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}

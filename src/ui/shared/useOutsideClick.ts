import { useEffect, type RefObject } from 'react';

/** While `isActive`, a press anywhere outside `root` calls `onOutside` (popups close on a click elsewhere). */
export function useOutsideClick(root: RefObject<HTMLElement | null>, isActive: boolean, onOutside: () => void): void {
  useEffect(() => {
    if (!isActive) return;
    const onMouseDown = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) onOutside();
    };
    document.addEventListener('mousedown', onMouseDown);
    return () => document.removeEventListener('mousedown', onMouseDown);
  }, [root, isActive, onOutside]);
}

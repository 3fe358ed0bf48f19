import type { SourceRef } from '../../engine';
import { useEditorStore } from '../../store/useEditorStore';

/** A button that shows an object's first line in the YAML pane. */
export function SourceLink({ source }: { source: SourceRef | undefined }) {
  const requestJump = useEditorStore((state) => state.requestJump);
  if (source === undefined) return null;
  return (
    <button type="button" className="link-button inspector__source" onClick={() => requestJump(source.file, source.line)}>
      {source.file}:{source.line}
    </button>
  );
}

import { useMemo, useState } from 'react';
import { useDocumentStore } from '../../store/useDocumentStore';
import { ChangePreview } from '../design/ChangePreview';
import type { FlowEdit } from './flowEdit';
import { FlowNotice } from './FlowNotice';

/**
 * Shows a designed flow change: its preview with what else it would change, applied as one undo step on Apply, or a
 * notice when there is nothing to change; an offered label fix is applied (its own undo step) and the flow planned again.
 */
export function FlowEditDialog({ edit, noticeTitle, onDone }: { edit: FlowEdit; noticeTitle: string; onDone: (isApplied: boolean) => void }) {
  const files = useDocumentStore((state) => state.files);
  const applyEdit = useDocumentStore((state) => state.applyEdit);
  const [current, setCurrent] = useState(edit);
  const after = useMemo(() => (current.kind === 'edit' ? current.apply(files) : files), [current, files]);
  if (current.kind === 'none') return <FlowNotice title={noticeTitle} message={current.message} onClose={() => onDone(false)} />;
  const fix = current.exactFix;
  return (
    <ChangePreview
      title={current.title}
      descriptions={current.descriptions}
      sideEffects={current.sideEffects}
      {...(fix
        ? {
            exactFix: {
              description: fix.description,
              onApply: () => {
                const labelled = fix.apply(files);
                applyEdit(fix.apply);
                setCurrent(fix.replan(labelled));
              },
            },
          }
        : {})}
      before={files}
      after={after}
      onApply={() => {
        applyEdit(current.apply);
        onDone(true);
      }}
      onCancel={() => onDone(false)}
    />
  );
}

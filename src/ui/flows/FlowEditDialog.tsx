import { useMemo } from 'react';
import { useDocumentStore } from '../../store/useDocumentStore';
import { ChangePreview } from '../design/ChangePreview';
import type { FlowEdit } from './flowEdit';
import { FlowNotice } from './FlowNotice';

/** Shows a designed flow change: its preview, applied as one undo step on Apply, or a notice when there is nothing to change. */
export function FlowEditDialog({ edit, noticeTitle, onDone }: { edit: FlowEdit; noticeTitle: string; onDone: (isApplied: boolean) => void }) {
  const files = useDocumentStore((state) => state.files);
  const applyEdit = useDocumentStore((state) => state.applyEdit);
  const after = useMemo(() => (edit.kind === 'edit' ? edit.apply(files) : files), [edit, files]);
  if (edit.kind === 'none') return <FlowNotice title={noticeTitle} message={edit.message} onClose={() => onDone(false)} />;
  return (
    <ChangePreview
      title={edit.title}
      descriptions={edit.descriptions}
      before={files}
      after={after}
      onApply={() => {
        applyEdit(edit.apply);
        onDone(true);
      }}
      onCancel={() => onDone(false)}
    />
  );
}

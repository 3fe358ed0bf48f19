import { useEffect, useState } from 'react';
import { selectAnalysis } from '../../store/selectAnalysis';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useViewStore } from '../../store/useViewStore';
import { isEditableTarget } from '../files/isEditableTarget';
import { denyFlowEdit, type FlowEdit } from './flowEdit';
import { FlowEditDialog } from './FlowEditDialog';
import { FlowNotice } from './FlowNotice';
import './flows.css';

/** "Remove this flow" for the selected edge (also Delete or Backspace): previews the rules it narrows or removes, then applies them as one undo step. */
export function RemoveFlowButton({ source, target }: { source: string; target: string }) {
  const isStale = useAnalysisStore((state) => state.isStale);
  const liveFiles = useAnalysisStore((state) => state.liveFiles);
  const select = useViewStore((state) => state.select);
  const [edit, setEdit] = useState<FlowEdit | 'stale' | null>(null);

  // The plan needs the whole evaluation: made on the page when asked for, not when the edge is selected.
  const open = () => setEdit(isStale || liveFiles === null ? 'stale' : denyFlowEdit(selectAnalysis({ files: liveFiles }), source, target));

  useEffect(() => {
    if (edit !== null) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.key !== 'Delete' && event.key !== 'Backspace') || isEditableTarget(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      open();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  return (
    <>
      <button type="button" className="remove-flow" onClick={open}>
        Remove this flow
      </button>
      {edit === 'stale' && (
        <FlowNotice title="Cannot remove the flow yet" message="The YAML has errors: fix them first, so the change is planned on what you wrote." onClose={() => setEdit(null)} />
      )}
      {edit !== null && edit !== 'stale' && (
        <FlowEditDialog
          edit={edit}
          noticeTitle="Nothing to change"
          onDone={(isApplied) => {
            setEdit(null);
            if (isApplied) select(null);
          }}
        />
      )}
    </>
  );
}

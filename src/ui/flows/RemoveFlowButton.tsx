import { useEffect, useState } from 'react';
import { useLiveAnalysis } from '../../store/useLiveAnalysis';
import { useViewStore } from '../../store/useViewStore';
import { isEditableTarget } from '../files/isEditableTarget';
import { denyFlowEdit, type FlowEdit } from './flowEdit';
import { FlowEditDialog } from './FlowEditDialog';
import { FlowNotice } from './FlowNotice';
import './flows.css';

/** "Remove this flow" for the selected edge (also Delete or Backspace): previews the rules it narrows or removes, then applies them as one undo step. */
export function RemoveFlowButton({ source, target }: { source: string; target: string }) {
  const { analysis, isStale } = useLiveAnalysis();
  const select = useViewStore((state) => state.select);
  const [edit, setEdit] = useState<FlowEdit | 'stale' | null>(null);

  const open = () => setEdit(isStale ? 'stale' : denyFlowEdit(analysis, source, target));

  useEffect(() => {
    if (edit !== null) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.key !== 'Delete' && event.key !== 'Backspace') || isEditableTarget(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      setEdit(isStale ? 'stale' : denyFlowEdit(analysis, source, target));
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [edit, isStale, analysis, source, target]);

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

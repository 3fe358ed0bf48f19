import { useMemo } from 'react';
import type { Lint } from '../../engine';
import { useLiveAnalysis } from '../../store/useLiveAnalysis';
import { allowFlowEdit } from '../flows/flowEdit';
import { FlowEditDialog } from '../flows/FlowEditDialog';
import { FlowNotice } from '../flows/FlowNotice';

/** The fix of a finding that a flow's allow plan repairs: planned when opened, previewed and applied like a drawn flow. */
export function LintFlowFix({ flow, onClose }: { flow: NonNullable<Lint['allowFlow']>; onClose: () => void }) {
  const { analysis, isStale } = useLiveAnalysis();
  const edit = useMemo(() => allowFlowEdit(analysis, flow.src, flow.dst, flow.ports), [analysis, flow]);
  if (isStale) return <FlowNotice title="Cannot fix yet" message="The YAML has errors: fix them first, so the change is planned on what you wrote." onClose={onClose} />;
  return <FlowEditDialog edit={edit} noticeTitle="Nothing to change" onDone={onClose} />;
}

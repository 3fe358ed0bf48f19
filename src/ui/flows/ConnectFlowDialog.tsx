import { useState } from 'react';
import type { Analysis } from '../../engine';
import { useLiveAnalysis } from '../../store/useLiveAnalysis';
import { allowFlowEdit, type FlowEdit } from './flowEdit';
import { FlowEditDialog } from './FlowEditDialog';
import { FlowNotice } from './FlowNotice';
import { PortChooser } from './PortChooser';

function shortName(analysis: Analysis, nodeId: string): string {
  const workload = analysis.model.workloads.find((w) => w.id === nodeId);
  if (workload) return workload.name;
  return nodeId === 'ext:other' ? 'any other address' : nodeId.replace(/^ext:/, '');
}

/** After a drag from one node to another: choose the port, preview the minimal policy change, and apply it as one undo step. */
export function ConnectFlowDialog({ source, target, onClose }: { source: string; target: string; onClose: () => void }) {
  const { analysis, isStale } = useLiveAnalysis();
  const [edit, setEdit] = useState<FlowEdit | null>(null);
  if (isStale) return <FlowNotice title="Cannot design flows yet" message="The YAML has errors: fix them first, so the change is planned on what you wrote." onClose={onClose} />;
  if (edit !== null) return <FlowEditDialog edit={edit} noticeTitle="Nothing to change" onDone={onClose} />;
  const suggestions = analysis.model.workloads.find((w) => w.id === target)?.ports ?? [];
  return (
    <PortChooser
      flow={`${shortName(analysis, source)} → ${shortName(analysis, target)}`}
      suggestions={suggestions}
      onChoose={(ports) => setEdit(allowFlowEdit(analysis, source, target, ports))}
      onCancel={onClose}
    />
  );
}

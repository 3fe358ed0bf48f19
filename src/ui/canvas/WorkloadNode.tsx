import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { WorkloadNodeType } from './buildGraph';

const VISIBLE_LABELS = 2;

/** A workload card: kind, name and its first labels; clients connect on the left, servers on the right. */
export const WorkloadNode = memo(function WorkloadNode({ data }: NodeProps<WorkloadNodeType>) {
  const { workload } = data;
  const labels = Object.entries(workload.labels);
  return (
    <div className="workload-node" title={labels.map(([key, value]) => `${key}=${value}`).join('\n')}>
      <Handle type="target" position={Position.Left} />
      <div className="node-kind">{workload.kind}</div>
      <div className="workload-node__name">{workload.name}</div>
      <div className="workload-node__labels">
        {labels.slice(0, VISIBLE_LABELS).map(([key, value]) => (
          <span key={key} className="chip">
            {key}={value}
          </span>
        ))}
      </div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
});

import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { ExternalNodeType } from './buildGraph';

/** An address range outside the cluster. */
export const ExternalNode = memo(function ExternalNode({ data }: NodeProps<ExternalNodeType>) {
  return (
    <div className="external-node">
      <Handle type="target" position={Position.Left} />
      <div className="node-kind">External</div>
      <div className="external-node__range">{data.range}</div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
});

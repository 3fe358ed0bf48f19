import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { ExternalNodeType } from '../../store/graph/buildGraph';

/** Addresses outside the cluster: an ipBlock range as written, or any other address. */
export const ExternalNode = memo(function ExternalNode({ data }: NodeProps<ExternalNodeType>) {
  return (
    <div className={data.isOther ? 'external-node external-node--other' : 'external-node'}>
      <Handle type="target" position={Position.Left} isConnectableStart={false} />
      <div className="node-kind">{data.isOther ? 'Outside the cluster' : 'ipBlock'}</div>
      <div className="external-node__range" title={data.label}>
        {data.label}
      </div>
      <Handle type="source" position={Position.Right} isConnectableEnd={false} title="Drag to another workload or address range to allow a flow" />
    </div>
  );
});

import { memo, useContext } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { ADDRESSES_NODE_ID, type ExternalNodeType } from '../../store/graph/buildGraph';
import { NamespaceActionsContext } from './NamespaceActionsContext';

/** Addresses outside the cluster: an ipBlock range as written, any other address, or every address block grouped into one node (which expands on demand). */
export const ExternalNode = memo(function ExternalNode({ data }: NodeProps<ExternalNodeType>) {
  const { expand } = useContext(NamespaceActionsContext);
  const isGroup = data.blocks !== undefined;
  return (
    <div className={data.isOther ? 'external-node external-node--other' : 'external-node'}>
      <Handle type="target" position={Position.Left} isConnectableStart={false} isConnectable={!isGroup} />
      <div className="node-kind">{isGroup ? 'Addresses' : data.isOther ? 'Outside the cluster' : 'ipBlock'}</div>
      <div className="external-node__range" title={data.label}>
        {data.label}
      </div>
      {isGroup && (
        <button type="button" className="namespace-group__expand nodrag" onClick={() => expand(ADDRESSES_NODE_ID)} aria-label="Expand addresses">
          Expand ▸
        </button>
      )}
      <Handle type="source" position={Position.Right} isConnectableEnd={false} isConnectable={!isGroup} title={isGroup ? undefined : 'Drag to another workload or address range to allow a flow'} />
    </div>
  );
});

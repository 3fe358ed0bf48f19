import { memo, useContext } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { NAMESPACE_NAME_LABEL } from '../../engine';
import type { NamespaceGroupNodeType } from '../../store/graph/buildGraph';
import { NamespaceActionsContext } from './NamespaceActionsContext';

/** A collapsed namespace: its name, how many workloads it holds and how many leave a side open; expands on demand. */
export const NamespaceGroupNode = memo(function NamespaceGroupNode({ data }: NodeProps<NamespaceGroupNodeType>) {
  const { namespace, workloads, ingressOpen, egressOpen, innerFlows } = data;
  const { expand } = useContext(NamespaceActionsContext);
  const labels = Object.entries(namespace.labels)
    .filter(([key]) => key !== NAMESPACE_NAME_LABEL)
    .map(([key, value]) => `${key}=${value}`);
  return (
    <div className="namespace-group" onDoubleClick={() => expand(namespace.name)}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="namespace-group__head">
        <span className="node-kind">Namespace</span>
        {!namespace.isDeclared && <span className="namespace-node__note">not declared</span>}
      </div>
      <div className="namespace-group__name" title={[`namespace ${namespace.name}`, ...labels].join('\n')}>
        {namespace.name}
      </div>
      <div className="namespace-group__counts">
        {workloads} {workloads === 1 ? 'workload' : 'workloads'}
        {innerFlows > 0 && ` · ${innerFlows} inside`}
        {ingressOpen > 0 && ` · ${ingressOpen} ingress open`}
        {egressOpen > 0 && ` · ${egressOpen} egress open`}
      </div>
      <button type="button" className="namespace-group__expand nodrag" onClick={() => expand(namespace.name)} aria-label={`Expand namespace ${namespace.name}`}>
        Expand ▸
      </button>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});

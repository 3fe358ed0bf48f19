import { memo, useContext } from 'react';
import type { NodeProps } from '@xyflow/react';
import { NAMESPACE_NAME_LABEL } from '../../engine';
import type { NamespaceNodeType } from '../../store/graph/buildGraph';
import { NamespaceActionsContext } from './NamespaceActionsContext';

/** A namespace frame with its name and labels; its workloads sit inside it; it can collapse into one node. */
export const NamespaceNode = memo(function NamespaceNode({ data }: NodeProps<NamespaceNodeType>) {
  const { namespace } = data;
  const { collapse } = useContext(NamespaceActionsContext);
  const labels = Object.entries(namespace.labels)
    .filter(([key]) => key !== NAMESPACE_NAME_LABEL)
    .map(([key, value]) => `${key}=${value}`);
  return (
    <div className="namespace-node">
      <div className="namespace-node__header" title={[`namespace ${namespace.name}`, ...labels].join('\n')}>
        <span className="namespace-node__name">{namespace.name}</span>
        {!namespace.isDeclared && <span className="namespace-node__note">not declared</span>}
        {labels.map((label) => (
          <span key={label} className="chip">
            {label}
          </span>
        ))}
        <button type="button" className="namespace-node__collapse nodrag" onClick={() => collapse(namespace.name)} aria-label={`Collapse namespace ${namespace.name}`} title="Collapse into one node">
          ▾
        </button>
      </div>
    </div>
  );
});

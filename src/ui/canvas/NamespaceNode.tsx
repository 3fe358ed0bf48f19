import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { NAMESPACE_NAME_LABEL } from '../../engine';
import type { NamespaceNodeType } from './buildGraph';

/** A namespace frame with its name and labels; its workloads sit inside it. */
export const NamespaceNode = memo(function NamespaceNode({ data }: NodeProps<NamespaceNodeType>) {
  const { namespace } = data;
  const labels = Object.entries(namespace.labels)
    .filter(([key]) => key !== NAMESPACE_NAME_LABEL)
    .map(([key, value]) => `${key}=${value}`);
  return (
    <div className="namespace-node">
      <div className="namespace-node__header" title={[`namespace ${namespace.name}`, ...labels].join('\n')}>
        <span className="namespace-node__name">{namespace.name}</span>
        {labels.map((label) => (
          <span key={label} className="chip">
            {label}
          </span>
        ))}
        {!namespace.isDeclared && <span className="namespace-node__note">not declared</span>}
      </div>
    </div>
  );
});

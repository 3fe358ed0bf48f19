import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { NamespaceNodeType } from './buildGraph';

const NAME_LABEL = 'kubernetes.io/metadata.name';

/** A namespace frame with its name and labels; its workloads sit inside it. */
export const NamespaceNode = memo(function NamespaceNode({ data }: NodeProps<NamespaceNodeType>) {
  const { namespace } = data;
  const labels = Object.entries(namespace.labels).filter(([key]) => key !== NAME_LABEL);
  return (
    <div className="namespace-node">
      <div className="namespace-node__header">
        <span className="namespace-node__name">{namespace.name}</span>
        {labels.map(([key, value]) => (
          <span key={key} className="chip">
            {key}={value}
          </span>
        ))}
        {!namespace.isDeclared && <span className="namespace-node__note">not declared</span>}
      </div>
    </div>
  );
});

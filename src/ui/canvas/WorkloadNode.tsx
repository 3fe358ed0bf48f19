import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { InferredFrom } from '../../engine';
import type { WorkloadNodeType } from '../../store/graph/buildGraph';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { AllowFlowButton } from '../flows/AllowFlowButton';
import { kindIcon } from './kindIcon';
import { ShieldMark } from './ShieldMark';
import { WarningMark } from './WarningMark';

const VISIBLE_LABELS = 2;
const OPEN_TITLE = 'No policy isolates this side: every peer may connect, so its flows are not drawn one by one (Show every flow draws them)';
const VISIBLE_PORTS = 3;

/** The tooltip of an inferred card: why it is drawn and which selectors it stands for. */
function inferredTitle(from: readonly InferredFrom[]): string {
  return ['Inferred: the input has no workload these selectors match, so one with labels that satisfy them stands in. Add the real workload to replace it.', ...from.map((f) => `${f.policy} ${f.path}`)].join('\n');
}

/** A workload card (with "Allow to…" below it while selected): kind, a mark when the API server would reject its name (or a dashed `inferred` badge for a stand-in made up from policy selectors), name, a few label chips (all of them on hover), container ports, isolation shields, and the policies that would select it but are ignored for an error. */
export const WorkloadNode = memo(function WorkloadNode({ id, data, selected }: NodeProps<WorkloadNodeType>) {
  const { workload, isIngressIsolated, isEgressIsolated, ignoredPolicies = [], rejectedNames = [] } = data;
  const exposure = useAnalysisStore((state) => state.exposureMarks[id]);
  const nameSeverity = rejectedNames.some((mark) => mark.severity === 'error') ? 'error' : 'warning';
  const labels = Object.entries(workload.labels).map(([key, value]) => `${key}=${value}`);
  const ports = workload.ports.map((p) => `${p.protocol} ${p.containerPort}${p.name ? ` (${p.name})` : ''}`);
  return (
    <div className={workload.isInferred ? 'workload-node workload-node--inferred' : 'workload-node'}>
      <Handle type="target" position={Position.Left} isConnectableStart={false} />
      {isIngressIsolated && <ShieldMark side="ingress" title="Ingress-isolated: only what its policies allow may connect to it" />}
      <div className="workload-node__head">
        <span className="kind-icon" aria-hidden="true">
          {kindIcon(workload.kind)}
        </span>
        {workload.isInferred ? (
          <span className="node-kind workload-node__inferred" title={inferredTitle(workload.inferredFrom ?? [])}>
            inferred
          </span>
        ) : (
          <span className="node-kind">{workload.kind}</span>
        )}
        {workload.hostNetwork && <WarningMark title="hostNetwork: NetworkPolicies do not apply to host-network pods" />}
        {rejectedNames.length > 0 && (
          <span className={`name-mark name-mark--${nameSeverity}`} data-testid="rejected-name" title={rejectedNames.map((mark) => `${mark.severity}: ${mark.message}`).join('\n')}>
            {nameSeverity === 'error' ? '✖' : '⚠'} invalid name
          </span>
        )}
      </div>
      <div className="workload-node__name" title={workload.name}>
        {workload.name}
      </div>
      {labels.length > 0 && (
        <div className="workload-node__labels" title={labels.join('\n')}>
          {labels.slice(0, VISIBLE_LABELS).map((label) => (
            <span key={label} className="chip">
              {label}
            </span>
          ))}
          {labels.length > VISIBLE_LABELS && <span className="chip chip--more">+{labels.length - VISIBLE_LABELS}</span>}
        </div>
      )}
      {ports.length > 0 && (
        <div className="workload-node__ports" title={ports.join('\n')}>
          {ports.slice(0, VISIBLE_PORTS).join(' · ')}
          {ports.length > VISIBLE_PORTS && ` · +${ports.length - VISIBLE_PORTS}`}
        </div>
      )}
      {(!isIngressIsolated || !isEgressIsolated || exposure) && (
        <div className="workload-node__open">
          {!isIngressIsolated && <span className="open-side" title={OPEN_TITLE}>ingress: open</span>}
          {isIngressIsolated && exposure && (
            <span className="exposed-side" data-testid="exposure-mark" title="Its policies would also admit pods that do not exist yet: select it to see who and which rule">
              exposed: {exposure.isClusterWide ? 'any ns' : `${exposure.peers} unknown`}
            </span>
          )}
          {!isEgressIsolated && <span className="open-side" title={OPEN_TITLE}>egress: open</span>}
        </div>
      )}
      {ignoredPolicies.length > 0 && (
        <div className="workload-node__ignored" data-testid="ignored-policy" title={ignoredPolicies.join('\n')}>
          ⚠ {ignoredPolicies[0]}
          {ignoredPolicies.length > 1 && ` · +${ignoredPolicies.length - 1}`}
        </div>
      )}
      {isEgressIsolated && <ShieldMark side="egress" title="Egress-isolated: it may connect only where its policies allow" />}
      <Handle type="source" position={Position.Right} isConnectableEnd={false} title="Drag to another workload or address range to allow a flow" />
      {/* The keyboard's drag: one Tab after the selected card (nokey: React Flow leaves its keys to the button). */}
      {selected && <AllowFlowButton source={id} className="workload-node__allow nokey nodrag nopan" />}
    </div>
  );
});

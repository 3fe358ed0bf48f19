import type { Workload } from '../../engine';
import type { WorkloadFlows } from '../../store/inspect/workloadFlows';
import { PeerList } from './PeerList';
import { PolicyNames } from './PolicyNames';
import { SelectLink } from './SelectLink';
import { SourceLink } from './SourceLink';

/** A selected workload: where an inferred one comes from, its labels and ports, the policies selecting it per direction, and its allowed ingress and egress peers (`pending` while they are evaluated). */
export function WorkloadDetails({ id, workload, flows }: { id: string; workload: Workload | undefined; flows: WorkloadFlows | null | 'pending' }) {
  if (!workload || flows === null) return <p className="inspector__hint">{id} is no longer in the model.</p>;
  const labels = Object.entries(workload.labels);
  return (
    <section aria-label={`Workload ${id}`}>
      <p className="inspector__kind">{workload.kind}</p>
      <h2 className="inspector__title">{workload.name}</h2>
      <p className="inspector__sub">
        namespace {workload.namespace} · <SourceLink source={workload.source} />
      </p>
      {workload.isInferred && (
        <div className="inspector__inferred">
          <p className="inspector__sub">Inferred: the input has no workload these policy selectors match, so one with labels that satisfy them stands in. Add the real workload to replace it.</p>
          <ul>
            {(workload.inferredFrom ?? []).map((f) => (
              <li key={`${f.policy} ${f.path}`}>
                Inferred from <SelectLink target={{ kind: 'policy', id: f.policy }}>{f.policy}</SelectLink>'s {f.path === 'spec.podSelector' ? 'podSelector' : `peer ${f.path}`}
              </li>
            ))}
          </ul>
        </div>
      )}
      {workload.hostNetwork && <p className="inspector__warning">hostNetwork: NetworkPolicies do not apply to this workload's pods.</p>}
      {labels.length > 0 && (
        <div className="inspector__chips">
          {labels.map(([key, value]) => (
            <span key={key} className="chip">
              {key}={value}
            </span>
          ))}
        </div>
      )}
      {workload.ports.length > 0 && (
        <p className="inspector__sub">ports: {workload.ports.map((p) => `${p.protocol} ${p.containerPort}${p.name ? ` (${p.name})` : ''}`).join(', ')}</p>
      )}
      {flows === 'pending' ? (
        <p className="inspector__hint" role="status">
          Evaluating its flows…
        </p>
      ) : (
        <>
        <h3>Ingress policies</h3>
        <PolicyNames policies={flows.ingressPolicies} />
        <h3>Egress policies</h3>
        <PolicyNames policies={flows.egressPolicies} />
        <h3>May receive from ({flows.ingress.length})</h3>
        <PeerList peers={flows.ingress} emptyText="nothing may connect to it" edgeOf={(peer) => `${peer}=>${id}`} describe={(peer) => `Connection ${peer} → ${workload.name}`} />
        <h3>May connect to ({flows.egress.length})</h3>
        <PeerList peers={flows.egress} emptyText="it may connect nowhere" edgeOf={(peer) => `${id}=>${peer}`} describe={(peer) => `Connection ${workload.name} → ${peer}`} />
        </>
      )}
    </section>
  );
}

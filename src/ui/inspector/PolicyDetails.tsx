import { useMemo } from 'react';
import type { Analysis } from '../../engine';
import { policyReach } from '../canvas/policyReach';
import { formatSelector } from './describePolicy';
import { RuleList } from './RuleList';
import { SelectLink } from './SelectLink';
import { SourceLink } from './SourceLink';

/** A selected policy: its podSelector and the workloads it selects, its policyTypes and its rules. */
export function PolicyDetails({ analysis, id }: { analysis: Analysis; id: string }) {
  const reach = useMemo(() => policyReach(analysis, id), [analysis, id]);
  if (!reach) return <p className="inspector__hint">{id} is no longer in the model.</p>;
  const { policy, subjects } = reach;
  return (
    <section aria-label={`Policy ${id}`}>
      <p className="inspector__kind">NetworkPolicy</p>
      <h2 className="inspector__title">{policy.name}</h2>
      <p className="inspector__sub">
        namespace {policy.namespace} · <SourceLink source={policy.source} />
      </p>
      <p className="inspector__sub">
        policyTypes: {policy.policyTypes.join(', ')}
        {policy.isPolicyTypesDefaulted && ' (defaulted)'}
      </p>
      <h3>podSelector: {formatSelector(policy.podSelector)}</h3>
      {subjects.size === 0 ? (
        <p className="inspector__none">selects no workload</p>
      ) : (
        <ul className="inspector__list" aria-label="Selected workloads">
          {[...subjects].map((workload) => (
            <li key={workload}>
              <SelectLink target={{ kind: 'workload', id: workload }}>{workload}</SelectLink>
            </li>
          ))}
        </ul>
      )}
      {policy.policyTypes.includes('Ingress') && (
        <>
          <h3>Ingress rules</h3>
          <RuleList rules={policy.ingress} direction="ingress" namespace={policy.namespace} />
        </>
      )}
      {policy.policyTypes.includes('Egress') && (
        <>
          <h3>Egress rules</h3>
          <RuleList rules={policy.egress} direction="egress" namespace={policy.namespace} />
        </>
      )}
    </section>
  );
}

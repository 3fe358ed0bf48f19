import type { NetworkPolicy } from '../../engine';
import { SelectLink } from './SelectLink';

/** The policies that select a workload for one direction, or that it is not isolated and so allows everything. */
export function PolicyNames({ policies }: { policies: readonly NetworkPolicy[] }) {
  if (policies.length === 0) return <p className="inspector__none">not isolated — all allowed</p>;
  return (
    <ul className="inspector__list">
      {policies.map((policy) => (
        <li key={policy.id}>
          <SelectLink target={{ kind: 'policy', id: policy.id }}>{policy.id}</SelectLink>
        </li>
      ))}
    </ul>
  );
}

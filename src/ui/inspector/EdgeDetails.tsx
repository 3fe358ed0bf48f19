import type { EdgeEnd, EdgeFacts } from '../../store/inspect/edgeFacts';
import { RemoveFlowButton } from '../flows/RemoveFlowButton';
import { SelectLink } from './SelectLink';

/** A selected edge: who may connect to whom, and on which connections (`pending` while they are evaluated). */
export function EdgeDetails({ id, facts }: { id: string; facts: EdgeFacts | null | 'pending' }) {
  if (facts === 'pending') {
    return (
      <p className="inspector__hint" role="status">
        Evaluating the connection…
      </p>
    );
  }
  if (facts === null) return <p className="inspector__hint">This connection is no longer allowed.</p>;
  const end = (e: EdgeEnd) =>
    e.isWorkload ? (
      <SelectLink target={{ kind: 'workload', id: e.id }}>{e.id}</SelectLink>
    ) : (
      <span className="inspector__external">{e.name}</span>
    );
  return (
    <section aria-label={`Connection ${id}`}>
      <p className="inspector__kind">Allowed connection</p>
      <dl className="inspector__facts">
        <dt>from</dt>
        <dd>{end(facts.source)}</dd>
        <dt>to</dt>
        <dd>{end(facts.target)}</dd>
        <dt>connections</dt>
        <dd className="inspector__conns">{facts.label}</dd>
      </dl>
      {facts.label !== facts.connsText && <p className="inspector__sub">as the CLI prints it: {facts.connsText || '(none for every address)'}</p>}
      {facts.isPartial && (
        <p className="inspector__sub">
          Partial: every address of the range may use {facts.connsText || 'no connection'}; some of its addresses may do more.
        </p>
      )}
      <RemoveFlowButton source={facts.source.id} target={facts.target.id} />
    </section>
  );
}

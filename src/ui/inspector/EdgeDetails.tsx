import type { Analysis } from '../../engine';
import { graphOf } from '../canvas/graphOf';
import { RemoveFlowButton } from '../flows/RemoveFlowButton';
import { SelectLink } from './SelectLink';

/** A selected edge: who may connect to whom, and on which connections. */
export function EdgeDetails({ analysis, id }: { analysis: Analysis; id: string }) {
  const graph = graphOf(analysis);
  const edge = graph.edges.find((e) => e.id === id);
  if (!edge?.data) return <p className="inspector__hint">This connection is no longer allowed.</p>;
  const nameOf = (nodeId: string) => {
    const node = graph.nodes.find((n) => n.id === nodeId);
    return node?.type === 'external' ? node.data.label : nodeId;
  };
  const end = (nodeId: string) =>
    graph.nodes.find((n) => n.id === nodeId)?.type === 'workload' ? (
      <SelectLink target={{ kind: 'workload', id: nodeId }}>{nodeId}</SelectLink>
    ) : (
      <span className="inspector__external">{nameOf(nodeId)}</span>
    );
  const { data } = edge;
  return (
    <section aria-label={`Connection ${id}`}>
      <p className="inspector__kind">Allowed connection</p>
      <dl className="inspector__facts">
        <dt>from</dt>
        <dd>{end(edge.source)}</dd>
        <dt>to</dt>
        <dd>{end(edge.target)}</dd>
        <dt>connections</dt>
        <dd className="inspector__conns">{data.label}</dd>
      </dl>
      {data.label !== data.connsText && <p className="inspector__sub">as the CLI prints it: {data.connsText || '(none for every address)'}</p>}
      {data.isPartial && (
        <p className="inspector__sub">
          Partial: every address of the range may use {data.connsText || 'no connection'}; some of its addresses may do more.
        </p>
      )}
      <RemoveFlowButton source={edge.source} target={edge.target} />
    </section>
  );
}

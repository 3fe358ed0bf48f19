import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useViewStore } from '../../store/useViewStore';
import type { Graph } from '../../store/graph/buildGraph';

const DEPTHS = [
  { depth: 0, label: 'All' },
  { depth: 1, label: '1 hop' },
  { depth: 2, label: '2 hops' },
] as const;

/** The canvas' own switches: every flow or the decided ones, the namespace view, and focus on the selection's neighbourhood. */
export function CanvasControls({
  graph,
  isOverBudget,
  collapsedCount,
  namespaceCount,
  onExpandAll,
  onCollapseAll,
}: {
  graph: Graph;
  /** True when there are too many edges to draw them all: only the selection's are. */
  isOverBudget: boolean;
  collapsedCount: number;
  namespaceCount: number;
  onExpandAll: () => void;
  onCollapseAll: () => void;
}) {
  const showAllFlows = useViewStore((state) => state.showAllFlows);
  const setShowAllFlows = useViewStore((state) => state.setShowAllFlows);
  const tierView = useViewStore((state) => state.tierView);
  const setTierView = useViewStore((state) => state.setTierView);
  const hasClusterPolicies = useAnalysisStore((state) => state.live.model.clusterPolicies.length > 0);
  const focusDepth = useViewStore((state) => state.focusDepth);
  const setFocusDepth = useViewStore((state) => state.setFocusDepth);
  return (
    <div className="canvas-controls">
      <label title="Also draw flows that no policy restricts (both ends open)">
        <input type="checkbox" data-testid="show-all-flows" checked={showAllFlows} onChange={(event) => setShowAllFlows(event.target.checked)} />
        Show every flow
      </label>
      {(hasClusterPolicies || tierView) && (
        <label title="Say on each edge which tier decided it (Admin, NetworkPolicy, Baseline) and draw the flows an Admin Deny closed">
          <input type="checkbox" data-testid="tier-view" checked={tierView} onChange={(event) => setTierView(event.target.checked)} />
          Tiers
        </label>
      )}
      <span className="canvas-controls__count" data-testid="edge-count">
        {graph.edges.length} {graph.edges.length === 1 ? 'edge' : 'edges'}
        {isOverBudget && ' — select a node to draw its edges'}
      </span>
      {namespaceCount > 0 && (
        <span className="canvas-controls__group">
          {collapsedCount > 0 && (
            <button type="button" onClick={onExpandAll} data-testid="expand-all">
              Expand all
            </button>
          )}
          {collapsedCount < namespaceCount && (
            <button type="button" onClick={onCollapseAll} data-testid="collapse-all">
              Namespace view
            </button>
          )}
        </span>
      )}
      <span className="canvas-controls__group" role="group" aria-label="Focus on the selection" data-testid="focus-depth">
        Focus:
        {DEPTHS.map(({ depth, label }) => (
          <button key={depth} type="button" aria-pressed={focusDepth === depth} onClick={() => setFocusDepth(depth)}>
            {label}
          </button>
        ))}
      </span>
    </div>
  );
}

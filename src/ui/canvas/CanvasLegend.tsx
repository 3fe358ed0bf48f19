import { useViewStore } from '../../store/useViewStore';
import { ShieldMark } from './ShieldMark';

function EdgeSample({ className }: { className: string }) {
  return (
    <svg width="40" height="10" aria-hidden="true">
      <line x1="2" y1="5" x2="38" y2="5" className={`flow-edge ${className}`} />
    </svg>
  );
}

/** The tier view's edge styles and what each says decided the flow. */
const TIER_SAMPLES = [
  ['flow-edge--tier-admin-accept', 'Admin Accept: an Admin-tier rule accepted it'],
  ['flow-edge--denied', 'Admin Deny: an Admin-tier rule closed it'],
  ['flow-edge--tier-np', 'NP: NetworkPolicies isolate a side'],
  ['flow-edge--tier-baseline', 'Baseline: only the Baseline tier had a say'],
  ['flow-edge--tier-open', 'open: no policy of any tier governs it'],
] as const;

/** What the canvas' marks mean: shields, open sides, inferred workloads, collapsed namespaces and every edge style (the tier colours in the tier view); always at hand, folded until opened so it never hides the graph. */
export function CanvasLegend() {
  const tierView = useViewStore((state) => state.tierView);
  return (
    <details className="canvas-legend" data-testid="legend">
      <summary>Legend</summary>
      <ul>
        <li>
          <span className="canvas-legend__mark">
            <ShieldMark side="ingress" title="Ingress-isolated" />
          </span>
          isolated side: only what its policies allow (left ingress, right egress)
        </li>
        <li>
          <span className="open-side">ingress: open</span> no policy isolates that side; its flows are not drawn
        </li>
        <li>
          <span className="exposed-side">exposed: any ns</span> its policies would also admit pods that do not exist yet (select it for who and which rule)
        </li>
        <li>
          <span className="canvas-legend__inferred">inferred</span> a workload the policies select but the files do not contain
        </li>
        <li>
          <span className="canvas-legend__group">ns</span> a collapsed namespace; its edges count the flows they stand for (<code>3 × TCP 80</code>)
        </li>
        <li>
          <EdgeSample className="flow-edge--pod" /> allowed between workloads
        </li>
        <li>
          <EdgeSample className="flow-edge--external" /> allowed to or from addresses
        </li>
        <li>
          <EdgeSample className="flow-edge--partial" /> only some addresses of the range
        </li>
        <li>
          <EdgeSample className="flow-edge--aggregate" /> several flows, aggregated
        </li>
        <li>
          <EdgeSample className="flow-edge--diff-added" /> added <EdgeSample className="flow-edge--diff-removed" /> removed{' '}
          <EdgeSample className="flow-edge--diff-changed" /> changed since the baseline
        </li>
        {tierView &&
          TIER_SAMPLES.map(([className, text]) => (
            <li key={className} data-testid="legend-tier">
              <EdgeSample className={className} /> {text}
            </li>
          ))}
      </ul>
    </details>
  );
}

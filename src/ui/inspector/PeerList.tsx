import type { PeerFlow } from '../../store/inspect/workloadFlows';
import { useViewStore } from '../../store/useViewStore';
import { SelectLink } from './SelectLink';

/** A workload `ns/name[Kind]` as its name alone; an address range as written. */
const shortName = (flow: PeerFlow) => (flow.isExternal ? flow.name : flow.name.replace(/^[^/]*\//, '').replace(/\[[^\]]*\]$/, ''));

/**
 * Allowed peers of a workload in one direction, each with its compact connection label. The peer's name selects the
 * peer; the label is a button that selects the connection itself (`edgeOf(peer)`), so the inspector explains it: this
 * is how the keyboard reaches an edge, which is no Tab stop on the canvas.
 */
export function PeerList({ peers, emptyText, edgeOf, describe }: { peers: readonly PeerFlow[]; emptyText: string; edgeOf: (peer: string) => string; describe: (peerName: string) => string }) {
  const select = useViewStore((state) => state.select);
  if (peers.length === 0) return <p className="inspector__none">{emptyText}</p>;
  return (
    <ul className="inspector__list">
      {peers.map((flow) => (
        <li key={flow.peer} className="inspector__peer">
          {flow.isExternal ? <span className="inspector__external">{flow.name}</span> : <SelectLink target={{ kind: 'workload', id: flow.peer }}>{flow.name}</SelectLink>}
          <button
            type="button"
            className="link-button inspector__conns"
            aria-label={`${describe(shortName(flow))}: ${flow.label}, select and explain`}
            title="Select this connection and explain it"
            onClick={() => select({ kind: 'edge', id: edgeOf(flow.peer) })}
          >
            {flow.label}
          </button>
        </li>
      ))}
    </ul>
  );
}

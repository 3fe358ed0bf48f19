import type { PeerFlow } from './workloadFlows';
import { SelectLink } from './SelectLink';

/** Allowed peers of a workload in one direction, each with its compact connection label. */
export function PeerList({ peers, emptyText }: { peers: readonly PeerFlow[]; emptyText: string }) {
  if (peers.length === 0) return <p className="inspector__none">{emptyText}</p>;
  return (
    <ul className="inspector__list">
      {peers.map((flow) => (
        <li key={flow.peer} className="inspector__peer">
          {flow.isExternal ? <span className="inspector__external">{flow.name}</span> : <SelectLink target={{ kind: 'workload', id: flow.peer }}>{flow.name}</SelectLink>}
          <span className="inspector__conns">{flow.label}</span>
        </li>
      ))}
    </ul>
  );
}

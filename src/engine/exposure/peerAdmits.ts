import type { ClusterPeer, Labels, Peer, Workload } from '../model/types';
import { parseIP } from '../ip/ipRange';
import { ipBlockRanges, isInRanges } from '../evaluate/compileModel';
import { peerNamespaceMatches, peerPodMatches } from '../evaluate/peerMatches';
import { isFullMatch, selectorKey } from './selectorRequirements';
import type { Representative } from './representativePeers';

/** One end of a connection in the exposure analysis: a workload of the model, or a representative of pods it lacks. */
export type ExposureEnd = { kind: 'workload'; workload: Workload; namespaceLabels: Labels } | { kind: 'representative'; representative: Representative };

function holdsAddress(w: Workload, ranges: ReturnType<typeof ipBlockRanges>): boolean {
  return w.ips.some((ip) => {
    const r = parseIP(ip);
    return r !== undefined && isInRanges(r, ranges);
  });
}

/**
 * True when a NetworkPolicy peer of a policy in `policyNamespace` admits the end: a workload by its labels (or, for an
 * ipBlock, its addresses); a representative only when the peer names exactly what it stands for (no ipBlock does).
 */
export function peerAdmits(peer: Peer, policyNamespace: string, end: ExposureEnd): boolean {
  if (peer.kind === 'ipBlock') return end.kind === 'workload' && holdsAddress(end.workload, ipBlockRanges(peer.cidr, peer.except));
  if (end.kind === 'workload') return peerNamespaceMatches(peer, policyNamespace, end.workload.namespace, end.namespaceLabels) && peerPodMatches(peer, end.workload.labels);
  const rep = end.representative;
  const isNamespaceNamed = peer.namespaceSelector === undefined ? rep.namespace === policyNamespace : isFullMatch(peer.namespaceSelector, rep.namespaceKey);
  return isNamespaceNamed && (peer.podSelector === undefined || isFullMatch(peer.podSelector, rep.podKey));
}

/** True when a cluster policy peer (or subject) admits the end; host-network pods are not pods of the pod network, and a representative is admitted only when named exactly. */
export function clusterPeerAdmits(peer: ClusterPeer, end: ExposureEnd): boolean {
  if (peer.kind === 'uninterpreted') return false;
  if (peer.kind === 'networks') return end.kind === 'workload' && holdsAddress(end.workload, peer.cidrs.flatMap((c) => ipBlockRanges(c, [])));
  if (end.kind === 'workload') {
    if (end.workload.hostNetwork) return false;
    return peerNamespaceMatches(peer, '', end.workload.namespace, end.namespaceLabels) && (peer.kind === 'namespaces' || peerPodMatches(peer, end.workload.labels));
  }
  const rep = end.representative;
  return isFullMatch(peer.namespaceSelector, rep.namespaceKey) && (peer.kind === 'namespaces' || isFullMatch(peer.podSelector, rep.podKey));
}

/**
 * The representatives a peer names, as a filter on their keys: those of `namespace` (a NetworkPolicy peer without
 * namespaceSelector) or with `namespaceKey`, and with `podKey` (each absent: any). `every` for a peer that admits every
 * representative alike (no non-empty selector), `none` for one that admits none (ipBlock, networks, nodes).
 */
export type RepresentativeFilter = { namespace?: string; namespaceKey?: string; podKey?: string } | 'every' | 'none';

function filterOf(namespace: string | undefined, namespaceKey: string, podKey: string): RepresentativeFilter {
  if (namespace === undefined && namespaceKey === '' && podKey === '') return 'every';
  return { ...(namespace !== undefined ? { namespace } : namespaceKey !== '' ? { namespaceKey } : {}), ...(podKey !== '' ? { podKey } : {}) };
}

/** Which representatives a NetworkPolicy peer admits (see {@link peerAdmits}). */
export function peerFilter(peer: Peer, policyNamespace: string): RepresentativeFilter {
  if (peer.kind === 'ipBlock') return 'none';
  return filterOf(peer.namespaceSelector === undefined ? policyNamespace : undefined, selectorKey(peer.namespaceSelector), selectorKey(peer.podSelector));
}

/** Which representatives a cluster policy peer admits (see {@link clusterPeerAdmits}). */
export function clusterPeerFilter(peer: ClusterPeer): RepresentativeFilter {
  if (peer.kind === 'networks' || peer.kind === 'uninterpreted') return 'none';
  return filterOf(undefined, selectorKey(peer.namespaceSelector), peer.kind === 'pods' ? selectorKey(peer.podSelector) : '');
}

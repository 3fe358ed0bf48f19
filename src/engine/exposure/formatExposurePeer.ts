import type { LabelSelector } from '../model/types';
import { isEmptySelector } from '../selectors/matchesSelector';
import type { ExposurePeer } from './exposureAnalysis';

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A selector as netpol-analyzer writes it: `matchLabels` as `k=v` sorted by key, then each expression as `{Key:k,Operator:Op,Values:[a b],}`, sorted. */
export function formatExposureSelector(selector: LabelSelector): string {
  const labels = Object.keys(selector.matchLabels)
    .sort(byCodeUnit)
    .map((k) => `${k}=${selector.matchLabels[k]}`);
  const expressions = selector.matchExpressions.map((r) => `{Key:${r.key},Operator:${r.operator},Values:[${r.values.join(' ')}],}`).sort(byCodeUnit);
  return [...labels, ...expressions].join(',');
}

/**
 * A peer as netpol-analyzer's exposure output names it: `entire-cluster`, an address range id, or
 * `namespace/[pods]` where the namespace is its name when the selector pins one by name, `[all namespaces]` or
 * `[namespace with {…}]`, and the pods `[all pods]` or `[pod with {…}]`.
 */
export function formatExposurePeer(peer: ExposurePeer): string {
  switch (peer.kind) {
    case 'entire-cluster':
      return 'entire-cluster';
    case 'external':
      return peer.id;
    case 'pods': {
      const ns = peer.namespace ?? (isEmptySelector(peer.namespaceSelector) ? '[all namespaces]' : `[namespace with {${formatExposureSelector(peer.namespaceSelector)}}]`);
      const pods = peer.podSelector === undefined || isEmptySelector(peer.podSelector) ? '[all pods]' : `[pod with {${formatExposureSelector(peer.podSelector)}}]`;
      return `${ns}/${pods}`;
    }
  }
}

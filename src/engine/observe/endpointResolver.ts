import type { Model, Workload } from '../model/types';
import { INFERRED_KIND } from '../infer/inferWorkloads';
import { parseIP } from '../ip/ipRange';
import type { ObservedEndpoint } from './observedFlow';

/** How an observed end was matched to a model workload (in the order they are tried, see {@link endpointResolver}). */
export type MatchVia = 'id' | 'pod' | 'owner' | 'podName' | 'ip' | 'labels';

/** Why an observed end has no place in the model. */
export type UnknownReason = 'notInModel' | 'ambiguous' | 'noAddress';

/** An end of an observed flow placed on the model: a workload, an address outside the model, or unknown (kept, with why). */
export type ObservedEnd =
  | { kind: 'workload'; id: string; via: MatchVia }
  | { kind: 'address'; address: string; reserved: readonly string[] }
  | {
      kind: 'unknown';
      /** The pod as observed: `ns/owner[Kind]` when its owner is known, else `ns/pod`, else `ns/{labels}`; `reserved:…` or `?` for an address-less end. */
      label: string;
      reason: UnknownReason;
      /** For `ambiguous`: the workloads that matched equally well. */
      candidates?: string[];
    };

function labelsSubset(workload: Workload, labels: ReadonlyMap<string, string>): boolean {
  const keys = Object.keys(workload.labels);
  return keys.length > 0 && keys.every((k) => labels.get(k) === workload.labels[k]);
}

/** The pod name without its last one and two `-segment`s: the names of its owner (ReplicaSet, StatefulSet, DaemonSet, Job) and their owner (Deployment, CronJob). */
function ownerNames(podName: string): string[] {
  const names: string[] = [];
  let name = podName;
  for (let k = 0; k < 2; k++) {
    const dash = name.lastIndexOf('-');
    if (dash <= 0) break;
    name = name.slice(0, dash);
    names.push(name);
  }
  return names;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function unknownLabel(end: Extract<ObservedEndpoint, { kind: 'pod' }>): string {
  const owner = end.owners[0];
  if (owner !== undefined) return `${end.namespace}/${owner.name}[${owner.kind}]`;
  if (end.podName !== undefined) return `${end.namespace}/${end.podName}`;
  const labels = [...end.labels].map(([k, v]) => `${k}=${v}`).sort();
  return labels.length > 0 ? `${end.namespace}/{${labels.join(',')}}` : `${end.namespace}/?`;
}

/**
 * Places observed ends on a model's workloads. A pod is matched, in order:
 * 1. `ns/pod[Pod]` (a Pod object in the model), 2. a Hubble workload `ns/name[Kind]`, 3. the pod name without its
 * last one or two `-segment`s naming a controller in the namespace (`api-5d8f7-x2x9k` → ReplicaSet `api-5d8f7`, then
 * Deployment `api`), or a Hubble owner's name without its last segment (ReplicaSet `api-5d8f7` → `api`); refused when
 * the controller's labels contradict the pod's, 4. its IP among the workloads' `status.podIPs`,
 * 5. its labels: the workloads of its namespace with labels, all of them carried by the pod (real workloads before
 * inferred ones), the one with most labels; a tie is `ambiguous`. An address matching exactly one workload's IP (and
 * no reserved identity) is that workload; other addresses stay addresses.
 */
export function endpointResolver(model: Model): (end: ObservedEndpoint) => ObservedEnd {
  const byId = new Map<string, Workload>();
  const controllersByName = new Map<string, Workload[]>();
  const byNamespace = new Map<string, Workload[]>();
  const byIP = new Map<string, Workload[]>();
  for (const w of model.workloads) {
    byId.set(w.id, w);
    if (w.kind !== 'Pod' && w.kind !== INFERRED_KIND) push(controllersByName, `${w.namespace}/${w.name}`, w);
    push(byNamespace, w.namespace, w);
    for (const ip of w.ips) {
      const range = parseIP(ip);
      if (range !== undefined) push(byIP, `${range.family}:${range.start}`, w);
    }
  }
  const workloadAt = (ip: string | undefined): Workload | undefined => {
    const range = ip === undefined ? undefined : parseIP(ip);
    const found = range === undefined ? undefined : byIP.get(`${range.family}:${range.start}`);
    return found?.length === 1 ? found[0] : undefined;
  };
  const workload = (w: Workload, via: MatchVia): ObservedEnd => ({ kind: 'workload', id: w.id, via });

  function resolvePod(end: Extract<ObservedEndpoint, { kind: 'pod' }>): ObservedEnd {
    const { namespace, podName, owners, labels } = end;
    // 1. The Pod itself, 2. its owner as Hubble resolved it.
    const pod = podName === undefined ? undefined : byId.get(`${namespace}/${podName}[Pod]`);
    if (pod !== undefined) return workload(pod, 'pod');
    for (const owner of owners) {
      const found = byId.get(`${namespace}/${owner.name}[${owner.kind}]`);
      if (found !== undefined) return workload(found, 'owner');
    }
    // 3. The owner names the pod name implies, nearest first, then those a Hubble owner implies (ReplicaSet `x-5d8f7` → `x`).
    const isConsistent = (w: Workload) => labels.size === 0 || Object.keys(w.labels).every((k) => labels.get(k) === w.labels[k]);
    const implied = [...(podName === undefined ? [] : ownerNames(podName)), ...owners.flatMap((o) => ownerNames(o.name).slice(0, 1))];
    for (const name of new Set(implied)) {
      const found = (controllersByName.get(`${namespace}/${name}`) ?? []).filter(isConsistent);
      if (found.length === 1) return workload(found[0], 'podName');
    }
    // 4. Its address.
    const atIP = workloadAt(end.ip);
    if (atIP !== undefined) return workload(atIP, 'ip');
    // 5. Its labels: real workloads first, then inferred ones; the most specific match.
    const inNamespace = byNamespace.get(namespace) ?? [];
    for (const isInferred of [false, true]) {
      const matches = inNamespace.filter((w) => (w.kind === INFERRED_KIND) === isInferred && labelsSubset(w, labels));
      if (matches.length === 0) continue;
      const most = Math.max(...matches.map((w) => Object.keys(w.labels).length));
      const best = matches.filter((w) => Object.keys(w.labels).length === most);
      if (best.length === 1) return workload(best[0], 'labels');
      return { kind: 'unknown', label: unknownLabel(end), reason: 'ambiguous', candidates: best.map((w) => w.id).sort() };
    }
    return { kind: 'unknown', label: unknownLabel(end), reason: 'notInModel' };
  }

  function resolve(end: ObservedEndpoint): ObservedEnd {
    switch (end.kind) {
      case 'workload': {
        const found = byId.get(end.id);
        return found === undefined ? { kind: 'unknown', label: end.id, reason: 'notInModel' } : workload(found, 'id');
      }
      case 'pod':
        return resolvePod(end);
      case 'address': {
        if (end.address === undefined) {
          return { kind: 'unknown', label: end.reserved.length > 0 ? end.reserved.map((r) => `reserved:${r}`).join(',') : '?', reason: 'noAddress' };
        }
        const atIP = end.reserved.length === 0 ? workloadAt(end.address) : undefined;
        return atIP !== undefined ? workload(atIP, 'ip') : { kind: 'address', address: end.address, reserved: end.reserved };
      }
    }
  }

  return resolve;
}

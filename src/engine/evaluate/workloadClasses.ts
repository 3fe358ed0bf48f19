import type { Workload } from '../model/types';

/** Workloads grouped into classes whose members every policy treats alike. */
export interface WorkloadClasses {
  /** Workload index → class index; classes are numbered by their first member. */
  workloadClass: Uint32Array;
  /** The members of each class, ascending; the first is its representative. */
  classMembers: number[][];
}

function labelsKey(w: Workload): string {
  let key = '';
  for (const k of Object.keys(w.labels).sort()) key += `${k}\u0000${w.labels[k]}\u0000`;
  return key;
}

/**
 * Groups workloads with the same namespace, labels, container ports and host
 * networking, and whose IPs lie in the same ipBlocks (`ipKeys[i]` names those of
 * workload `i`): selectors, named ports, ipBlocks and cluster policies (which
 * never match host-network pods) cannot tell such workloads apart.
 */
export function workloadClasses(workloads: readonly Workload[], ipKeys: readonly string[]): WorkloadClasses {
  const workloadClass = new Uint32Array(workloads.length);
  const classMembers: number[][] = [];
  const byKey = new Map<string, number>();
  workloads.forEach((w, i) => {
    const key = `${w.namespace}\n${labelsKey(w)}\n${JSON.stringify(w.ports)}\n${ipKeys[i]}\n${w.hostNetwork ? 'host' : ''}`;
    let c = byKey.get(key);
    if (c === undefined) {
      c = classMembers.length;
      byKey.set(key, c);
      classMembers.push([]);
    }
    workloadClass[i] = c;
    classMembers[c].push(i);
  });
  return { workloadClass, classMembers };
}

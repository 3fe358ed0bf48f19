import type { CompiledModel } from '../evaluate/compileModel';
import { hasConn } from '../evaluate/connSet';
import type { Lint } from './lint';

/**
 * Port mistakes: a named port that resolves on no workload the rule can reach
 * (unless an inferred one, whose container ports are unknown, is among them),
 * and a port written without protocol (so TCP) whose number the selected
 * workloads serve only over UDP — unless some rule already allows that UDP port
 * from the same sources.
 */
export function lintPorts(compiled: CompiledModel): Lint[] {
  const lints: Lint[] = [];
  const { workloads } = compiled;
  for (const direction of ['ingress', 'egress'] as const) {
    const rulesOf = direction === 'ingress' ? compiled.ingressRules : compiled.egressRules;
    const seen = new Set<string>();
    rulesOf.forEach((rules) => {
      for (const rule of rules) {
        const key = `${rule.policy.id}/${direction}/${rule.ruleIndex}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const subjects = workloads.filter((_, j) => rulesOf[j].includes(rule));
        const destinations = direction === 'ingress' ? subjects : workloads.filter((_, j) => rule.podMask[j] === 1);
        const where = `${rule.policy.id} ${direction} rule ${rule.ruleIndex + 1}`;
        rule.ports.forEach((port, k) => {
          const isUnknown = destinations.some((w) => w.isInferred);
          if (typeof port.port === 'string' && !isUnknown && !destinations.some((w) => w.ports.some((c) => c.name === port.port && c.protocol === port.protocol))) {
            lints.push({ code: 'named-port-unresolved', severity: 'warning', message: `${where}, port ${k + 1}: no ${direction === 'ingress' ? 'selected' : 'reachable'} workload has a ${port.protocol} container port named "${port.port}", so it allows nothing.`, objects: [rule.policy.id] });
          }
          if (direction === 'ingress' && port.isProtocolDefaulted && typeof port.port === 'number') {
            const num = port.port;
            const serving = subjects.filter((w) => w.ports.some((c) => c.containerPort === num));
            const isCoveredElsewhere = serving.every((w) => {
              const j = workloads.indexOf(w);
              return workloads.every((_, s) => s === j || rule.podMask[s] !== 1 || compiled.ingressRules[j].some((r) => r.podMask[s] === 1 && hasConn(r.connsTo(j), 'UDP', num)));
            });
            if (serving.length > 0 && !isCoveredElsewhere && serving.every((w) => w.ports.every((c) => c.containerPort !== num || c.protocol === 'UDP'))) {
              lints.push({ code: 'udp-port-without-protocol', severity: 'warning', message: `${where}, port ${k + 1}: port ${num} has no protocol, so it means TCP, but ${serving.map((w) => w.name).join(', ')} serve ${num} only over UDP. Add protocol: UDP.`, objects: [rule.policy.id, ...serving.map((w) => w.id)] });
            }
          }
        });
      }
    });
  }
  return lints;
}

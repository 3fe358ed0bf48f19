import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROTOCOLS } from '../model/types';
import { randomCluster } from '../testing/randomCluster';
import { compileModel } from './compileModel';
import { explainConnection } from './explainConnection';
import { naiveIsAllowed, naiveProbePorts } from './naiveEvaluate';

describe('explainConnection against the naive evaluator, with cluster tiers', () => {
  it('says allowed exactly when the naive evaluator does, for every workload pair at every probe port, and names an Admin or Baseline rule exactly when one decided', () => {
    fc.assert(
      fc.property(randomCluster({ maxWorkloads: 5, maxClusterPolicies: 4 }), (model) => {
        const compiled = compileModel(model);
        const probes = naiveProbePorts(model);
        const wrong: string[] = [];
        model.workloads.forEach((a, i) => {
          model.workloads.forEach((b, j) => {
            if (i === j) return;
            for (const protocol of PROTOCOLS) {
              for (const port of probes) {
                const e = explainConnection(compiled, { src: { workload: a.id }, dst: { workload: b.id }, protocol, port });
                const naive = naiveIsAllowed(model, { kind: 'workload', index: i }, { kind: 'workload', index: j }, protocol, port);
                if (e.isAllowed !== naive) wrong.push(`${a.id} => ${b.id} ${protocol} ${port}: explain ${e.isAllowed}, naive ${naive}`);
                for (const s of [e.egress, e.ingress]) {
                  if ((s.decidedBy === 'admin') !== (s.admin !== undefined && s.admin.action !== 'Pass')) wrong.push(`${s.direction} decidedBy ${s.decidedBy} with admin ${s.admin?.action}`);
                  if ((s.decidedBy === 'baseline') !== (s.baseline !== undefined)) wrong.push(`${s.direction} decidedBy ${s.decidedBy} with baseline ${s.baseline?.action}`);
                }
              }
            }
          });
        });
        expect(wrong.slice(0, 5)).toEqual([]);
      }),
      { numRuns: 150, seed: 20261203 },
    );
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { diffEvaluations } from '../evaluate/diffEvaluations';
import { formatConnSet } from '../evaluate/connSet';
import { applyPolicyChanges } from '../generate/applyPolicyChanges';
import { planAllowFlow } from '../generate/planAllowFlow';
import type { SourceFile } from '../model/types';
import { lintModel } from './lintModel';

const BANK = readFileSync(new URL('../../../public/examples/bank.yaml', import.meta.url), 'utf8');
/** The bank with the policy the issue names: backup's egress allows DNS (rule 1) and postgres TCP 5432 (rule 2), which postgres's ingress does not admit. */
const BACKUP_EGRESS = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: backup-egress, namespace: data}
spec:
  podSelector: {matchLabels: {app: backup}}
  policyTypes: [Egress]
  egress:
    - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]
      ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
    - to: [{podSelector: {matchLabels: {app: postgres}}}]
      ports: [{port: 5432}]
`;
const files: SourceFile[] = [{ name: 'bank.yaml', text: BANK + BACKUP_EGRESS }];

describe('lintOneSidedAllows', () => {
  it('names the bank mistake: backup egress allows postgres TCP 5432, postgres ingress does not admit it; no finding calls the rule shadowed', () => {
    const a = analyze(files, { inferWorkloads: true });
    const lints = lintModel(a.model, a.evaluation);
    expect(lints.filter((l) => l.code === 'rule-shadowed')).toEqual([]);
    const found = lints.filter((l) => l.code === 'one-sided-allow');
    expect(found.map((l) => l.message)).toEqual([
      "data/backup-egress egress rule 2 allows backup → postgres on TCP 5432, but postgres's ingress does not admit it (no policy selecting postgres allows it from backup): the connection is denied and the rule has no effect.",
    ]);
    expect(found[0].allowFlow).toMatchObject({ src: 'data/backup[CronJob]', dst: 'data/postgres[StatefulSet]' });
  });

  it('stays quiet when an Admin-tier Accept on the other side admits what the rule allows (the connection works)', () => {
    const accept = `---
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: backups-reach-postgres}
spec:
  tier: Admin
  priority: 10
  subject: {pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: data}}, podSelector: {matchLabels: {app: postgres}}}}
  ingress:
    - {name: from-backup, action: Accept, from: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: backup}}}}], protocols: [{tcp: {destinationPort: {number: 5432}}}]}
`;
    const a = analyze([{ name: 'bank.yaml', text: BANK + BACKUP_EGRESS + accept }], { inferWorkloads: true });
    expect(a.connections.some((c) => c.src === 'data/backup[CronJob]' && c.dst === 'data/postgres[StatefulSet]')).toBe(true);
    expect(lintModel(a.model, a.evaluation).filter((l) => l.code === 'one-sided-allow')).toEqual([]);
  });

  it('its fix, applied through the files, allows backup → postgres on TCP 5432 and changes nothing else', () => {
    const before = analyze(files, { inferWorkloads: true });
    const flow = lintModel(before.model, before.evaluation).find((l) => l.code === 'one-sided-allow')?.allowFlow;
    if (!flow) throw new Error('no one-sided-allow finding');
    const plan = planAllowFlow({ model: before.model, evaluation: before.evaluation, inferWorkloads: true }, { workload: flow.src }, { workload: flow.dst }, flow.ports);
    expect(plan.sideEffects).toEqual([]);
    expect(plan.changes.map((c) => [c.kind, c.policy])).toEqual([['add-rule', 'data/postgres-from-ledger']]);
    const fileOf = (id: string) => before.model.workloads.find((w) => w.id === id)?.source?.file;
    const after = analyze(applyPolicyChanges(files, plan.changes, fileOf), { inferWorkloads: true });
    expect(after.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const changes = diffEvaluations(before.evaluation, after.evaluation).map((c) => `${c.kind} ${c.src} => ${c.dst} : ${formatConnSet(c.after)}`);
    expect(changes).toEqual(['added data/backup[CronJob] => data/postgres[StatefulSet] : TCP 5432']);
    expect(lintModel(after.model, after.evaluation).map((l) => l.code)).not.toContain('one-sided-allow');
  });

  it('the mirror: an ingress rule admitting a workload whose egress allows none of it', () => {
    const text = `${BANK}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: backup-locked, namespace: data}
spec: {podSelector: {matchLabels: {app: backup}}, policyTypes: [Egress]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: redis-from-backup, namespace: data}
spec:
  podSelector: {matchLabels: {app: redis}}
  ingress: [{from: [{podSelector: {matchLabels: {app: backup}}}], ports: [{port: 6379}]}]
`;
    const a = analyze([{ name: 'bank.yaml', text }], { inferWorkloads: true });
    const found = lintModel(a.model, a.evaluation).filter((l) => l.code === 'one-sided-allow');
    expect(found.map((l) => l.message)).toEqual([
      "data/redis-from-backup ingress rule 1 admits backup → redis on TCP 6379, but backup's egress does not allow it (no policy selecting backup allows it toward redis): the connection is denied and the rule has no effect.",
    ]);
  });

  it('is silent for a rule that works for some of the workloads it names', () => {
    const text = `${BANK}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ledger-out, namespace: payments}
spec:
  podSelector: {matchLabels: {app: ledger}}
  policyTypes: [Egress]
  egress: [{to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: data}}, podSelector: {matchExpressions: [{key: app, operator: In, values: [postgres, redis]}]}}], ports: [{port: 5432}]}]
`;
    const a = analyze([{ name: 'bank.yaml', text }], { inferWorkloads: true });
    expect(lintModel(a.model, a.evaluation).map((l) => l.code)).not.toContain('one-sided-allow');
  });
});

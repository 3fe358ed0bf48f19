import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { diffEvaluations } from '../evaluate/diffEvaluations';
import { formatConnSet } from '../evaluate/connSet';
import { applyPolicyChanges } from '../generate/applyPolicyChanges';
import type { SourceFile } from '../model/types';
import type { Lint } from './lint';
import { lintModel } from './lintModel';

const server = (app: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: dns, namespace: kube-system}
spec: {selector: {matchLabels: {k8s-app: ${app}}}, template: {metadata: {labels: {k8s-app: ${app}}}, spec: {containers: [{name: c, ports: [{containerPort: 53, protocol: UDP}, {containerPort: 53}]}]}}}
`;
const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: jobs}
spec: {selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c}]}}}
`;
const REPORT = `apiVersion: batch/v1
kind: CronJob
metadata: {name: report, namespace: jobs}
spec: {schedule: '@daily', jobTemplate: {spec: {template: {metadata: {labels: {app: report}}, spec: {restartPolicy: Never, containers: [{name: c}]}}}}}
`;
const REPORT_LOCKED = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: report-egress, namespace: jobs}
spec: {podSelector: {matchLabels: {app: report}}, policyTypes: [Egress], egress: [{to: [{ipBlock: {cidr: 10.9.0.0/16}}]}]}
`;

function dnsFinding(files: SourceFile[]): { lint: Lint | undefined; fixed: string[] } {
  const before = analyze(files, { inferWorkloads: true });
  const lint = lintModel(before.model, before.evaluation).find((l) => l.code === 'dns-blocked');
  if (!lint?.fix) return { lint, fixed: [] };
  const after = analyze(applyPolicyChanges(files, lint.fix.changes, () => files[0].name), { inferWorkloads: true });
  expect(after.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return { lint, fixed: diffEvaluations(before.evaluation, after.evaluation).map((c) => `${c.src} => ${c.dst} : ${formatConnSet(c.after)}`) };
}

describe('lintDns', () => {
  it('offers a fix for one isolated CronJob in a namespace whose other workloads are open, scoped to that CronJob', () => {
    const { lint, fixed } = dnsFinding([{ name: 'c.yaml', text: [server('kube-dns'), WEB, REPORT, REPORT_LOCKED].join('---\n') }]);
    expect(lint?.objects).toEqual(['jobs/report[CronJob]']);
    expect(lint?.fix?.changes.map((c) => c.policy)).toEqual(['jobs/allow-dns-egress-report']);
    expect(fixed).toEqual(['jobs/report[CronJob] => kube-system/dns[Deployment] : TCP 53,UDP 53']);
  });

  it('its fix reaches a server recognised by k8s-app=coredns too', () => {
    const { lint, fixed } = dnsFinding([{ name: 'c.yaml', text: [server('coredns'), WEB, REPORT, REPORT_LOCKED].join('---\n') }]);
    expect(lint?.fix).toBeDefined();
    expect(fixed).toEqual(['jobs/report[CronJob] => kube-system/dns[Deployment] : TCP 53,UDP 53']);
  });

  it('fixes a namespace whose pods are all isolated with one policy for the namespace', () => {
    const deny = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny-out, namespace: jobs}\nspec: {podSelector: {}, policyTypes: [Egress]}\n`;
    const { lint, fixed } = dnsFinding([{ name: 'c.yaml', text: [server('coredns'), WEB, REPORT, deny].join('---\n') }]);
    expect(lint?.fix?.changes.map((c) => c.policy)).toEqual(['jobs/allow-dns-egress']);
    expect(fixed).toEqual(['jobs/report[CronJob] => kube-system/dns[Deployment] : TCP 53,UDP 53', 'jobs/web[Deployment] => kube-system/dns[Deployment] : TCP 53,UDP 53']);
  });

  const cnp = (name: string, tier: string, priority: number, egress: string) =>
    `apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: {name: ${name}}\nspec: {tier: ${tier}, priority: ${priority}, subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: jobs}}}, egress: [${egress}]}\n`;
  const DENY_KUBE_SYSTEM = `{name: no-kube-system, action: Deny, to: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]}`;

  it('names the Admin Deny that blocks DNS and offers no NetworkPolicy fix, since none could win', () => {
    const { lint } = dnsFinding([{ name: 'c.yaml', text: [server('coredns'), WEB, cnp('guard', 'Admin', 5, DENY_KUBE_SYSTEM)].join('---\n') }]);
    expect(lint?.objects).toEqual(['jobs/web[Deployment]']);
    expect(lint?.message).toContain('ClusterNetworkPolicy guard (Admin, priority 5) egress rule 1 "no-kube-system" denies egress to DNS');
    expect(lint?.fix).toBeUndefined();
  });

  it('names a Baseline Deny when no NetworkPolicy isolates the workload, without a fix that would isolate it', () => {
    const { lint } = dnsFinding([{ name: 'c.yaml', text: [server('coredns'), WEB, cnp('floor', 'Baseline', 5, DENY_KUBE_SYSTEM)].join('---\n') }]);
    expect(lint?.message).toContain('ClusterNetworkPolicy floor (Baseline) egress rule 1 "no-kube-system" denies it');
    expect(lint?.fix).toBeUndefined();
  });

  it('is silent when an Admin Accept for DNS comes before the Deny', () => {
    const accept = `{name: dns, action: Accept, to: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}], protocols: [{udp: {destinationPort: {number: 53}}}, {tcp: {destinationPort: {number: 53}}}]}`;
    const { lint } = dnsFinding([{ name: 'c.yaml', text: [server('coredns'), WEB, cnp('guard', 'Admin', 5, `${accept}, ${DENY_KUBE_SYSTEM}`)].join('---\n') }]);
    expect(lint).toBeUndefined();
  });

  it('keeps the NetworkPolicy fix when NetworkPolicies isolate the workload and the Baseline tier is never consulted', () => {
    const deny = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny-out, namespace: jobs}\nspec: {podSelector: {}, policyTypes: [Egress]}\n`;
    const { lint, fixed } = dnsFinding([{ name: 'c.yaml', text: [server('coredns'), WEB, deny, cnp('floor', 'Baseline', 5, DENY_KUBE_SYSTEM)].join('---\n') }]);
    expect(lint?.fix?.changes.map((c) => c.policy)).toEqual(['jobs/allow-dns-egress']);
    expect(fixed).toEqual(['jobs/web[Deployment] => kube-system/dns[Deployment] : TCP 53,UDP 53']);
  });
});

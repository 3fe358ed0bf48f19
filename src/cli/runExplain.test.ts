import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, explainConnection } from '../engine';
import { describeExplanation } from '../ui/explain/describeExplanation';
import { runAnalyze } from './runAnalyze';

const SHOP = 'public/examples/three-tier.yaml';
const explain = (...args: string[]) => runAnalyze(['explain', ...args], () => '');

describe('explain CLI', () => {
  it("prints the explain panel's verdict and sentences, on the port the pair allows when none is given", () => {
    const r = explain('shop/frontend', 'shop/api', SHOP);
    const a = analyze([{ name: SHOP, text: readFileSync(SHOP, 'utf8') }], { inferWorkloads: true });
    const query = { src: { workload: 'shop/frontend[Deployment]' }, dst: { workload: 'shop/api[Deployment]' }, protocol: 'TCP' as const, port: 8080 };
    const sentences = describeExplanation(explainConnection(a.evaluation.compiled, query), a.model).map((s) => s.parts.map((p) => p.text).join(''));
    expect(r.stdout).toBe(['shop/frontend[Deployment] → shop/api[Deployment] on TCP 8080', '✔ Allowed: both ends must allow a connection.', ...sentences, ''].join('\n'));
    expect(r.code).toBe(0);
  });

  it('explains a denied connection on the asked protocol and port, and exits 1', () => {
    const r = explain('shop/frontend[Deployment]', 'shop/db', '--protocol', 'tcp', '--port', '5432', SHOP);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['shop/frontend[Deployment] → shop/db[StatefulSet] on TCP 5432', '✖ Denied: both ends must allow a connection.']);
    expect(r.stdout).toContain('Ingress to db: isolated by shop/default-deny-ingress, shop/allow-db-from-api; no rule allows it.');
    expect(r.code).toBe(1);
  });

  it('walks the cluster tiers: an Admin Deny is final, an Admin Pass hands over to the NetworkPolicies, a Baseline Deny decides what nothing above did', () => {
    const TIERS = 'public/examples/cluster-tiers.yaml';
    const denied = explain('sandbox/experiment', 'shop/frontend', '--port', '8080', TIERS);
    expect(denied.code).toBe(1);
    expect(denied.stdout).toContain('Egress from experiment: Admin ClusterNetworkPolicy sandbox-never-reaches-shop priority 20 rule "deny-to-shop": Deny — final, nothing below it counts.');
    expect(denied.stdout).toContain('Ingress to frontend: Admin ClusterNetworkPolicy shop-decides-its-ingress priority 40 rule "pass-to-shop-networkpolicies": Pass → NetworkPolicy tier: isolated by shop/frontend-open-on-8080; allowed by');
    const baseline = explain('kube-system/coredns', 'monitoring/prometheus', '--port', '9090', TIERS);
    expect(baseline.stdout).toContain('Ingress to prometheus: no NetworkPolicy isolates it; Baseline ClusterNetworkPolicy default-deny rule "deny-by-default": Deny — denied.');
    const scraped = explain('monitoring/prometheus', 'shop/api', '--port', '9090', TIERS);
    expect(scraped.code).toBe(0);
    expect(scraped.stdout).toContain('Ingress to api: Admin ClusterNetworkPolicy monitoring-scrapes-everything priority 30 rule "allow-prometheus": Accept — final, nothing below it counts.');
  });

  it('takes an external address as one end', () => {
    expect(explain('203.0.113.9', 'shop/frontend', '--port', '8080', SHOP).stdout).toContain('Egress from 203.0.113.9: an address outside the cluster; no policy governs it.');
  });

  it('refuses an unknown workload, a bad port or protocol with exit code 2', () => {
    expect(explain('shop/nope', 'shop/api', SHOP)).toMatchObject({ code: 2, stderr: expect.stringContaining('no workload "shop/nope"') });
    expect(explain('shop/frontend', 'shop/api', '--port', '70000', SHOP).code).toBe(2);
    expect(explain('shop/frontend', 'shop/api', '--protocol', 'ICMP', SHOP).code).toBe(2);
    expect(explain('shop/frontend', 'shop/api').code).toBe(2);
  });
});

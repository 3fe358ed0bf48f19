import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { manifest } from '../testing/manifest';
import { verdicts } from '../semantics/verdicts';
import { dumpYaml } from '../yaml/dumpYaml';
import { CLUSTER_TEMPLATES, clusterTemplate } from './clusterTemplates';

const CLUSTER = [
  manifest.namespace('kube-system'),
  manifest.namespace('monitoring'),
  manifest.namespace('shop'),
  manifest.pod('coredns', 'kube-system', 'k8s-app: kube-dns'),
  manifest.pod('metrics-server', 'kube-system', 'app: metrics-server'),
  manifest.pod('prometheus', 'monitoring', 'app: prometheus'),
  manifest.pod('web', 'shop', 'app: web'),
  manifest.pod('api', 'shop', 'app: api'),
].join('---\n');

const DNS = 'TCP 53,UDP 53';
const withTemplate = (id: (typeof CLUSTER_TEMPLATES)[number]['id']) => verdicts(`${CLUSTER}---\n${dumpYaml(clusterTemplate(id, new Set()))}`);

describe('cluster templates', () => {
  it.each(CLUSTER_TEMPLATES.map((t) => t.id))('%s validates against the CRD rules and adds only ClusterNetworkPolicies', (id) => {
    const a = analyze([{ name: 't.yaml', text: dumpYaml(clusterTemplate(id, new Set())) }]);
    expect(a.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(a.model.clusterPolicies.length).toBeGreaterThan(0);
    expect(a.model.clusterPolicies.every((p) => p.kind === 'ClusterNetworkPolicy')).toBe(true);
  });

  it('Baseline default-deny: pods reach kube-dns on DNS only and nothing else, while addresses outside stay allowed', () => {
    const v = withTemplate('baseline-default-deny');
    expect(v.get('shop/web[Pod] => kube-system/coredns[Pod]')).toBe(DNS);
    expect(v.get('shop/web[Pod] => shop/api[Pod]')).toBeUndefined();
    expect(v.get('monitoring/prometheus[Pod] => kube-system/metrics-server[Pod]')).toBeUndefined();
    expect(v.get('shop/web[Pod] => 0.0.0.0-255.255.255.255[External]')).toBe('All Connections');
  });

  it('kube-system guardrail: every pod gets DNS from kube-system and nothing else; other namespaces are untouched', () => {
    const v = withTemplate('admin-protect-kube-system');
    expect(v.get('shop/web[Pod] => kube-system/coredns[Pod]')).toBe(DNS);
    expect(v.get('shop/web[Pod] => kube-system/metrics-server[Pod]')).toBe(DNS);
    expect(v.get('shop/web[Pod] => shop/api[Pod]')).toBe('All Connections');
  });

  it('monitoring scrapes: the monitoring namespace reaches every pod even under a Baseline default-deny, and nobody else gains anything', () => {
    const v = verdicts(`${CLUSTER}---\n${dumpYaml([...clusterTemplate('baseline-default-deny', new Set()), ...clusterTemplate('admin-monitoring-scrapes', new Set())])}`);
    expect(v.get('monitoring/prometheus[Pod] => shop/api[Pod]')).toBe('All Connections');
    expect(v.get('shop/web[Pod] => shop/api[Pod]')).toBeUndefined();
  });

  it('names a template object apart from the cluster policies already there', () => {
    const [policy] = clusterTemplate('admin-protect-kube-system', new Set(['protect-kube-system']));
    expect((policy.metadata as { name: string }).name).toBe('protect-kube-system-2');
  });
});

import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { formatConnlistTxt } from '../format/formatConnlistTxt';
import { dumpYaml } from '../yaml/dumpYaml';
import { POLICY_TEMPLATES, policyTemplate } from './policyTemplates';

const CLUSTER = `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: c, ports: [{containerPort: 80}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: coredns, namespace: kube-system, labels: {k8s-app: kube-dns}}
spec: {containers: [{name: c, ports: [{containerPort: 53, protocol: UDP}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: nginx, namespace: ingress-nginx, labels: {app: nginx}}
spec: {containers: [{name: c}]}
`;

const withTemplates = (...ids: (typeof POLICY_TEMPLATES)[number]['id'][]) =>
  formatConnlistTxt(analyze([{ name: 'c.yaml', text: CLUSTER }, { name: 't.yaml', text: dumpYaml(ids.map((id) => policyTemplate(id, 'shop', { cidrs: ['10.0.0.0/8'] }))) }]).connections).split('\n');

describe('policy templates', () => {
  it('every template is a valid NetworkPolicy for the namespace', () => {
    for (const { id } of POLICY_TEMPLATES) {
      const a = analyze([{ name: 't.yaml', text: dumpYaml([policyTemplate(id, 'shop')]) }]);
      expect(a.issues.filter((i) => i.severity === 'error'), id).toEqual([]);
      expect(a.model.policies[0].namespace).toBe('shop');
    }
  });

  it('default-deny ingress closes the namespace to everyone, egress stays open', () => {
    const lines = withTemplates('default-deny-ingress');
    expect(lines.filter((l) => l.includes('=> shop/web[Pod]'))).toEqual([]);
    expect(lines).toContain('shop/web[Pod] => kube-system/coredns[Pod] : All Connections');
  });

  it('default-deny all plus DNS leaves exactly DNS to kube-dns', () => {
    const lines = withTemplates('default-deny-all', 'allow-dns-egress');
    expect(lines.filter((l) => l.startsWith('shop/web[Pod] =>'))).toEqual(['shop/web[Pod] => kube-system/coredns[Pod] : TCP 53,UDP 53']);
  });

  it('allow from the ingress controller admits only its namespace', () => {
    const lines = withTemplates('default-deny-ingress', 'allow-from-ingress-controller');
    expect(lines.filter((l) => l.includes('=> shop/web[Pod]'))).toEqual(['ingress-nginx/nginx[Pod] => shop/web[Pod] : All Connections']);
  });

  it('deny egress except listed CIDRs keeps only those addresses', () => {
    const lines = withTemplates('deny-egress-except-cidrs');
    expect(lines.filter((l) => l.startsWith('shop/web[Pod] =>'))).toEqual(['shop/web[Pod] => 10.0.0.0-10.255.255.255[External] : All Connections']);
  });
});

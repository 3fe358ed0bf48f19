import { describe, expect, it } from 'vitest';
import { analyze, parseObservedFlows } from '../../engine';
import microservices from '../../../public/examples/microservices.yaml?raw';
import microservicesFlows from '../../../public/examples/microservices-flows.json?raw';
import { observedOverlay } from './observedOverlay';


describe('observed flows over the canvas', () => {
  it('marks the bundled microservices flows: what is used, what would break, what nobody used, what cannot be judged', () => {
    const analysis = analyze([{ name: 'microservices.yaml', text: microservices }]);
    const { flows, issues } = parseObservedFlows(microservicesFlows, 'microservices-flows.json');
    expect(issues).toEqual([]);
    const overlay = observedOverlay(analysis, flows);
    expect(overlay.breaking.map((b) => `${b.src} => ${b.dst} : ${b.conn} (${b.records})`)).toEqual([
      'shop/paymentservice[Deployment] => 198.51.100.7 : TCP 443 (2)',
      'web/frontend[Deployment] => data/redis-cart[StatefulSet] : TCP 6379 (2)',
      'shop/emailservice[Deployment] => 203.0.113.25 : TCP 587 (1)',
    ]);
    expect(overlay.edges.find((e) => e.id === 'web/frontend[Deployment]=>data/redis-cart[StatefulSet]')).toMatchObject({ state: 'wouldBreak', conns: 'TCP 6379' });
    expect(overlay.edges.find((e) => e.id === 'shop/paymentservice[Deployment]=>ext:other')).toMatchObject({ state: 'wouldBreak', conns: 'TCP 443' });
    expect(overlay.edges.find((e) => e.id === 'web/loadgenerator[Deployment]=>web/frontend[Deployment]')).toMatchObject({ state: 'used', conns: 'TCP 8080', records: 3 });
    expect(overlay.unusedEdges).toContain('kube-system/coredns[Deployment]=>web/frontend[Deployment]');
    expect(overlay.totals).toMatchObject({ wouldBreak: 3, notEvaluated: 2, unknownEnds: 1 });
    expect(overlay.unknownEnds).toEqual([{ label: 'monitoring/prometheus[StatefulSet]', why: 'not in the manifests', records: 1 }]);
  });
});

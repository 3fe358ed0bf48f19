import { describe, expect, it } from 'vitest';
import type { CanvasNode } from '../../store/graph/buildGraph';
import { placeNodes } from './placeNodes';

const namespace = { name: 'shop', labels: {}, isDeclared: true };
const workload = { id: 'shop/a[Pod]', namespace: 'shop', name: 'a', kind: 'Pod', labels: {}, ports: [], ips: [], hostNetwork: false };
const graphNodes: CanvasNode[] = [
  { id: 'ns:shop', type: 'namespace', position: { x: 0, y: 0 }, width: 100, height: 100, data: { namespace } },
  {
    id: 'shop/a[Pod]',
    type: 'workload',
    parentId: 'ns:shop',
    position: { x: 1, y: 1 },
    data: { workload, isIngressIsolated: false, isEgressIsolated: false },
  },
];
const layout = { positions: { 'ns:shop': { x: 10, y: 20 }, 'shop/a[Pod]': { x: 30, y: 60 } }, frameSizes: { 'ns:shop': { width: 400, height: 300 } } };

describe('placeNodes', () => {
  it('uses the grid guess before any layout', () => {
    expect(placeNodes(graphNodes, [], null, {}).map((n) => n.position)).toEqual([{ x: 0, y: 0 }, { x: 1, y: 1 }]);
  });

  it('takes positions and frame sizes from the layout', () => {
    const [frame, card] = placeNodes(graphNodes, [], layout, {});
    expect(frame).toMatchObject({ position: { x: 10, y: 20 }, width: 400, height: 300 });
    expect(card.position).toEqual({ x: 30, y: 60 });
  });

  it('hands back the very node objects that have not changed, and new ones for those that have', () => {
    const first = placeNodes(graphNodes, [], layout, {});
    const again = placeNodes(structuredClone(graphNodes), first, layout, {});
    expect(again).toBe(first);
    const relabelled = structuredClone(graphNodes);
    relabelled[1] = { ...relabelled[1], data: { ...relabelled[1].data, isIngressIsolated: true } } as CanvasNode;
    const edited = placeNodes(relabelled, first, layout, {});
    expect(edited).not.toBe(first);
    expect(edited[0]).toBe(first[0]);
    expect(edited[1]).not.toBe(first[1]);
    expect(placeNodes(graphNodes, first, layout, { 'shop/a[Pod]': { x: 5, y: 5 } })[1]).not.toBe(first[1]);
  });

  it('keeps the sizes React Flow measured', () => {
    const previous = placeNodes(graphNodes, [], layout, {}).map((n) => ({ ...n, measured: { width: 200, height: 90 } }));
    expect(placeNodes(graphNodes, previous, layout, {})[1].measured).toEqual({ width: 200, height: 90 });
  });

  it('forgets a frame size measured before the layout gave the frame another', () => {
    const previous = placeNodes(graphNodes, [], null, {}).map((n) => ({ ...n, measured: { width: 100, height: 100 } }));
    const [frame, card] = placeNodes(graphNodes, previous, layout, {});
    expect(frame.measured).toBeUndefined();
    expect(card.measured).toEqual({ width: 100, height: 100 });
  });

  it('grows a frame to hold a card dragged past its edge', () => {
    const [frame] = placeNodes(graphNodes.map((n) => (n.type === 'workload' ? { ...n, width: 200, height: 112 } : n)), [], layout, { 'shop/a[Pod]': { x: 500, y: 60 } });
    expect(frame).toMatchObject({ width: 500 + 200 + 24, height: 300 });
  });

  it('prefers a dragged position over the layout', () => {
    const [, card] = placeNodes(graphNodes, [], layout, { 'shop/a[Pod]': { x: 99, y: 98 } });
    expect(card.position).toEqual({ x: 99, y: 98 });
  });
});

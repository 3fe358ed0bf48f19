import { describe, expect, it } from 'vitest';
import type { CanvasNode } from '../../store/graph/buildGraph';
import { nodeAriaLabel, shownNode } from './shownNode';

const node = { id: 'ns:shop', type: 'namespace', position: { x: 0, y: 0 }, data: { namespace: { name: 'shop', labels: {}, isDeclared: true } } } as CanvasNode;
const look = { className: undefined, hidden: false, selected: false };

describe('shownNode', () => {
  it('draws the node with its look, frames below the cards', () => {
    expect(shownNode(node, { ...look, className: 'is-dimmed' })).toMatchObject({ id: 'ns:shop', className: 'is-dimmed', hidden: false, selected: false, zIndex: 0 });
  });

  it('gives the very same object for the same node and look, and a new one when either changes', () => {
    const first = shownNode(node, look);
    expect(shownNode(node, { ...look })).toBe(first);
    expect(shownNode(node, { ...look, selected: true })).not.toBe(first);
    expect(shownNode({ ...node }, look)).not.toBe(first);
  });
});

describe('nodeAriaLabel', () => {
  it('names a frame and a card the way a person reads them', () => {
    expect(nodeAriaLabel(node)).toBe('Namespace shop');
    const card = { id: 'shop/api[Deployment]', type: 'workload', position: { x: 0, y: 0 }, data: { workload: { name: 'api', namespace: 'shop', kind: 'Deployment' }, isIngressIsolated: true, isEgressIsolated: false } } as unknown as CanvasNode;
    expect(nodeAriaLabel(card)).toBe('Deployment api, namespace shop');
    expect(shownNode(card, look).ariaLabel).toBe('Deployment api, namespace shop');
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { useViewStore } from './useViewStore';

const initialState = useViewStore.getState();

describe('useViewStore', () => {
  beforeEach(() => useViewStore.setState(initialState, true));

  it('selects one thing at a time and clears the selection with null', () => {
    const { select } = useViewStore.getState();
    select({ kind: 'workload', id: 'shop/api[Deployment]' });
    select({ kind: 'policy', id: 'shop/default-deny' });
    expect(useViewStore.getState().selection).toEqual({ kind: 'policy', id: 'shop/default-deny' });
    select(null);
    expect(useViewStore.getState().selection).toBeNull();
  });

  it('hides a namespace on the first toggle and shows it again on the second', () => {
    const { toggleNamespace } = useViewStore.getState();
    toggleNamespace('shop');
    toggleNamespace('kube-system');
    expect(useViewStore.getState().hiddenNamespaces).toEqual(['shop', 'kube-system']);
    toggleNamespace('shop');
    expect(useViewStore.getState().hiddenNamespaces).toEqual(['kube-system']);
    useViewStore.getState().showAllNamespaces();
    expect(useViewStore.getState().hiddenNamespaces).toEqual([]);
  });

  it('keeps dragged positions, the latest winning, until they are reset', () => {
    const { keepPositions } = useViewStore.getState();
    keepPositions({ 'ns:shop': { x: 1, y: 2 }, 'shop/api[Deployment]': { x: 3, y: 4 } });
    keepPositions({ 'ns:shop': { x: 5, y: 6 } });
    expect(useViewStore.getState().positions).toEqual({ 'ns:shop': { x: 5, y: 6 }, 'shop/api[Deployment]': { x: 3, y: 4 } });
    useViewStore.getState().resetPositions();
    expect(useViewStore.getState().positions).toEqual({});
  });
});

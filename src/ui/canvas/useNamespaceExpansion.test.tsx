// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ADDRESSES_NODE_ID } from '../../store/graph/buildGraph';
import { useViewStore } from '../../store/useViewStore';
import { useNamespaceExpansion } from './useNamespaceExpansion';

afterEach(() => {
  cleanup();
  useViewStore.setState({ collapsedNamespaces: null });
});

describe('useNamespaceExpansion', () => {
  it('keeps the same actions across new graphs, and they act on the collapsed namespaces of the newest one', () => {
    const { result, rerender } = renderHook(({ collapsed, names }) => useNamespaceExpansion(collapsed, names), {
      initialProps: { collapsed: ['a', 'b'] as readonly string[], names: ['a', 'b'] as readonly string[] },
    });
    const first = result.current;
    rerender({ collapsed: ['a', 'b', 'c'], names: ['a', 'b', 'c'] });
    expect(result.current.expand).toBe(first.expand);
    expect(result.current.collapseAll).toBe(first.collapseAll);
    act(() => result.current.expand('b'));
    expect(useViewStore.getState().collapsedNamespaces?.names).toEqual(['a', 'c']);
    act(() => result.current.collapseAll());
    expect(useViewStore.getState().collapsedNamespaces?.names).toEqual(['a', 'b', 'c', ADDRESSES_NODE_ID]);
  });
});

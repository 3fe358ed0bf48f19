import { useCallback, useLayoutEffect, useRef } from 'react';
import { ADDRESSES_NODE_ID } from '../../store/graph/buildGraph';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useViewStore } from '../../store/useViewStore';

/**
 * Actions to expand or collapse one or all of the namespaces `names` (all of them: with the address blocks grouped too),
 * given which are `collapsed` now. The actions stay the same functions while the canvas redraws: every collapsed frame
 * gets them through a context, and new ones on each graph re-rendered all of them on every key (~124 at 1,000 workloads).
 */
export function useNamespaceExpansion(collapsed: readonly string[], names: readonly string[]) {
  const revision = useDocumentStore((state) => state.revision);
  const setCollapsed = useViewStore((state) => state.setCollapsedNamespaces);
  const now = useRef({ revision, collapsed, names });
  useLayoutEffect(() => {
    now.current = { revision, collapsed, names };
  }, [revision, collapsed, names]);
  const expand = useCallback((name: string) => setCollapsed(now.current.revision, now.current.collapsed.filter((n) => n !== name)), [setCollapsed]);
  const collapse = useCallback(
    (name: string) => {
      const { collapsed: current } = now.current;
      setCollapsed(now.current.revision, current.includes(name) ? current : [...current, name]);
    },
    [setCollapsed],
  );
  const expandAll = useCallback(() => setCollapsed(now.current.revision, []), [setCollapsed]);
  const collapseAll = useCallback(() => setCollapsed(now.current.revision, [...now.current.names, ADDRESSES_NODE_ID]), [setCollapsed]);
  return { expand, collapse, expandAll, collapseAll };
}

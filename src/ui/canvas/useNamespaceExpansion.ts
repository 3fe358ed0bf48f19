import { useCallback } from 'react';
import { ADDRESSES_NODE_ID } from '../../store/graph/buildGraph';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useViewStore } from '../../store/useViewStore';

/** Actions to expand or collapse one or all of the namespaces `names` (all of them: with the address blocks grouped too), given which are `collapsed` now. */
export function useNamespaceExpansion(collapsed: readonly string[], names: readonly string[]) {
  const revision = useDocumentStore((state) => state.revision);
  const setCollapsed = useViewStore((state) => state.setCollapsedNamespaces);
  const expand = useCallback((name: string) => setCollapsed(revision, collapsed.filter((n) => n !== name)), [setCollapsed, revision, collapsed]);
  const collapse = useCallback((name: string) => setCollapsed(revision, collapsed.includes(name) ? collapsed : [...collapsed, name]), [setCollapsed, revision, collapsed]);
  const expandAll = useCallback(() => setCollapsed(revision, []), [setCollapsed, revision]);
  const collapseAll = useCallback(() => setCollapsed(revision, [...names, ADDRESSES_NODE_ID]), [setCollapsed, revision, names]);
  return { expand, collapse, expandAll, collapseAll };
}

import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import type { Graph } from '../../store/graph/buildGraph';
import { extendLayout } from './extendLayout';
import { getElk } from './getElk';
import { layoutGraph, type Layout } from './layoutGraph';

/** The layout of one scope (document revision, filters, collapsed namespaces, layout round). */
interface LayoutEntry {
  scope: string;
  layout: Layout;
}

/** The canvas layout outlives the canvas, so switching to the matrix and back keeps every node where it was. */
const useLayoutStore = create<{ entry: LayoutEntry | null }>()(() => ({ entry: null }));

/** The layout the canvas shows, and whether a full layout for the current scope is still running. */
export interface CanvasLayout {
  layout: Layout | null;
  isLayingOut: boolean;
}

/**
 * Keeps the canvas layout stable: a full (asynchronous, two-level) layout runs only when
 * `scope` changes (a new document, filters, collapsed namespaces, or Reset layout);
 * within a scope, nodes that appear are placed beside their neighbours and nothing
 * already placed moves.
 */
export function useCanvasLayout(graph: Graph, scope: string): CanvasLayout {
  const entry = useLayoutStore((state) => state.entry);
  const running = useRef<string | null>(null);

  useEffect(() => {
    if (graph.nodes.length === 0) return;
    if (entry?.scope === scope) {
      if (graph.nodes.some((node) => entry.layout.positions[node.id] === undefined)) {
        useLayoutStore.setState({ entry: { scope, layout: extendLayout(entry.layout, graph) } });
      }
      return;
    }
    if (running.current === scope) return;
    running.current = scope;
    const finish = (layout: Layout) => {
      if (running.current !== scope) return;
      running.current = null;
      useLayoutStore.setState({ entry: { scope, layout } });
    };
    layoutGraph(getElk(), graph).then(finish, (error: unknown) =>
      finish({ ...extendLayout({ positions: {}, frameSizes: {} }, graph), fallback: error instanceof Error ? error.message : String(error) }),
    );
  }, [graph, scope, entry]);

  const layout = entry?.scope === scope ? entry.layout : null;
  return { layout, isLayingOut: graph.nodes.length > 0 && (layout === null || graph.nodes.some((node) => layout.positions[node.id] === undefined)) };
}

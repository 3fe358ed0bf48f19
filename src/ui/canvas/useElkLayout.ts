import { useEffect, useRef, useState } from 'react';
import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import type { Graph } from './buildGraph';
import { getElk } from './getElk';
import { layoutGraph, type Layout } from './layoutGraph';

/** The latest layout, the structure it was made for, and whether a layout for the current structure is still running. */
export interface ElkLayoutState {
  layout: Layout | null;
  /** Structure key of `layout`; it differs from the current one while a new layout runs. */
  layoutKey: string | null;
  isLayingOut: boolean;
  /** Why the last layout failed, if it did; the nodes then stay where they were. */
  error: string | null;
}

/**
 * Runs ELK in its worker whenever the graph's structure (`key`) changes and every shown
 * node has been measured; selection, drags and label edits do not re-run it.
 */
export function useElkLayout(graph: Graph, key: string): ElkLayoutState {
  const isMeasured = useNodesInitialized();
  const { getInternalNode } = useReactFlow();
  const [done, setDone] = useState<{ key: string; layout: Layout | null; error: string | null } | null>(null);
  const running = useRef<string | null>(null);

  useEffect(() => {
    getElk();
  }, []);

  useEffect(() => {
    if (!isMeasured || done?.key === key || running.current === key || graph.nodes.length === 0) return;
    const shown = graph.nodes.filter((node) => !node.hidden);
    if (!shown.every((node) => getInternalNode(node.id)?.measured.width !== undefined)) return;
    running.current = key;
    const sizeOf = (id: string) => {
      const measured = getInternalNode(id)?.measured;
      return measured?.width && measured.height ? { width: measured.width, height: measured.height } : undefined;
    };
    layoutGraph(getElk(), graph, sizeOf).then(
      (layout) => {
        if (running.current !== key) return;
        running.current = null;
        setDone({ key, layout, error: null });
      },
      (error: unknown) => {
        if (running.current !== key) return;
        running.current = null;
        setDone({ key, layout: null, error: error instanceof Error ? error.message : String(error) });
      },
    );
  }, [isMeasured, key, graph, done, getInternalNode]);

  return {
    layout: done?.layout ?? null,
    layoutKey: done?.key ?? null,
    isLayingOut: graph.nodes.length > 0 && done?.key !== key,
    error: done?.error ?? null,
  };
}

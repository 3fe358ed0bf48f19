import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { getViewportForBounds, useReactFlow } from '@xyflow/react';
import type { CanvasNode } from '../../store/graph/buildGraph';
import type { Point } from '../../store/useViewStore';
import type { Layout } from './layoutGraph';
import { nodeBounds } from './nodeBounds';

/** Room around the fitted nodes: the canvas' own panels sit at the top (switches, palette) and bottom left (zoom, legend). */
const PADDING = { top: '64px', right: '56px', bottom: '40px', left: '56px' } as const;
const MIN_ZOOM = 0.05;
const MAX_ZOOM = 1.2;

/** What the canvas shows, for deciding when and where to move the view. */
export interface FitScene {
  /** The nodes React Flow holds, placed. */
  nodes: readonly CanvasNode[];
  layout: Layout | null;
  isLayingOut: boolean;
  dragged: Readonly<Record<string, Point>>;
  /** The scope of the layout (document revision, filters, collapsed namespaces, layout round). */
  scope: string;
  /** The nodes in focus, or null when everything is shown. */
  focus: ReadonlySet<string> | null;
  /** The node the selection stands for, if any. */
  selectedNode: string | null;
  wrapper: RefObject<HTMLDivElement | null>;
}

/**
 * Moves the view, and only when a person expects it: fits when a full layout lands, when the focus changes and when
 * the pane is resized; fits again when an edit adds a node off screen; brings a new selection into view (keeping the
 * zoom). Fitting is computed from the nodes' own positions, so it also works while the overview hides them. Returns
 * the fit function (for the Fit view control).
 */
export function useCanvasFit({ nodes, layout, isLayingOut, dragged, scope, focus, selectedNode, wrapper }: FitScene): () => void {
  const { getViewport, setCenter, setViewport } = useReactFlow();
  const [pane, setPane] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = wrapper.current;
    if (element === null) return;
    const measure = () => setPane((now) => (now.width === element.clientWidth && now.height === element.clientHeight ? now : { width: element.clientWidth, height: element.clientHeight }));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [wrapper]);
  // Where the layout (or a drag) puts each node: the nodes React Flow holds may not have caught up with it yet.
  const planned = useMemo(() => nodes.map((node) => ({ ...node, position: dragged[node.id] ?? layout?.positions[node.id] ?? node.position })), [nodes, dragged, layout]);
  const fit = useCallback(() => {
    const bounds = nodeBounds(planned, focus);
    if (bounds === null || pane.width === 0 || pane.height === 0) return;
    void setViewport(getViewportForBounds(bounds, pane.width, pane.height, MIN_ZOOM, MAX_ZOOM, PADDING));
  }, [planned, focus, pane, setViewport]);

  // 1. A full layout landed or the focus changed: fit, once the nodes stand where the layout put them.
  const fitted = useRef<string | null>(null);
  const fitKey = `${scope}|${focus ? [...focus].join(',') : ''}`;
  useEffect(() => {
    if (layout === null || isLayingOut || nodes.length === 0 || fitted.current === fitKey) return;
    const isPlaced = nodes.every((node) => {
      const target = dragged[node.id] ?? layout.positions[node.id];
      return target === undefined || (node.position.x === target.x && node.position.y === target.y);
    });
    if (!isPlaced) return;
    fitted.current = fitKey;
    fit();
  }, [layout, isLayingOut, nodes, dragged, fitKey, fit]);

  // 2. The pane was resized (a side pane folded, the window changed): fit again.
  const fittedPane = useRef(pane);
  useEffect(() => {
    if (fittedPane.current === pane) return;
    fittedPane.current = pane;
    if (fitted.current !== null) fit();
  }, [pane, fit]);

  // 3. An edit added a node off screen: fit so the person sees it (nothing moves, only the view).
  const known = useRef<{ scope: string; ids: Set<string> } | null>(null);
  useEffect(() => {
    if (layout === null || isLayingOut || nodes.length === 0) return;
    // Only nodes the layout has placed count: one still at its grid guess is not where it will be.
    const ids = new Set(nodes.filter((node) => layout.positions[node.id] !== undefined).map((node) => node.id));
    const before = known.current;
    known.current = { scope, ids };
    if (before === null || before.scope !== scope) return;
    const added = new Set([...ids].filter((id) => !before.ids.has(id)));
    const bounds = added.size === 0 ? null : nodeBounds(planned, added);
    if (bounds === null) return;
    const { x: tx, y: ty, zoom } = getViewport();
    const isOffScreen = bounds.x * zoom + tx < 0 || bounds.y * zoom + ty < 0 || (bounds.x + bounds.width) * zoom + tx > pane.width || (bounds.y + bounds.height) * zoom + ty > pane.height;
    if (isOffScreen) fit();
  }, [layout, isLayingOut, nodes, planned, scope, pane, fit, getViewport]);

  // 4. A new selection off screen, without focus: centre it, keeping the zoom. Only a new selection moves the view.
  const centred = useRef<string | null>(null);
  useEffect(() => {
    if (centred.current === selectedNode) return;
    centred.current = selectedNode;
    if (selectedNode === null || focus !== null) return;
    const bounds = nodeBounds(planned, new Set([selectedNode]));
    if (bounds === null) return;
    const x = bounds.x + bounds.width / 2;
    const y = bounds.y + bounds.height / 2;
    const { x: tx, y: ty, zoom } = getViewport();
    const screenX = x * zoom + tx;
    const screenY = y * zoom + ty;
    if (screenX < 0 || screenY < 0 || screenX > pane.width || screenY > pane.height) void setCenter(x, y, { zoom, duration: 200 });
  }, [selectedNode, focus, planned, pane, getViewport, setCenter]);

  return fit;
}

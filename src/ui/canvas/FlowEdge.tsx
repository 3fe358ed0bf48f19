import { memo } from 'react';
import { BaseEdge, useInternalNode, useStore, type EdgeProps, type InternalNode } from '@xyflow/react';
import type { FlowEdgeType } from '../../store/graph/buildGraph';
import { flowEdgePath, type Box } from './flowEdgePath';
import { FAR_ZOOM } from './farZoom';

function boxOf(node: InternalNode): Box | undefined {
  const { x, y } = node.internals.positionAbsolute;
  const { width = 0, height = 0 } = node.measured;
  return [x, y, width, height].every(Number.isFinite) ? { x, y, width, height } : undefined;
}

/** An allowed flow: an arrow from client to server with its connection label (left out when zoomed far out); pod edges solid, external dashed, partial dotted, aggregated thick. */
export const FlowEdge = memo(function FlowEdge({ source, target, data, markerEnd, style }: EdgeProps<FlowEdgeType>) {
  const sourceNode = useInternalNode(source);
  const targetNode = useInternalNode(target);
  const sourceBox = sourceNode && boxOf(sourceNode);
  const targetBox = targetNode && boxOf(targetNode);
  // Far out, labels are unreadable anyway: leaving them out also spares the browser measuring each one.
  const isFar = useStore((state) => state.transform[2] < FAR_ZOOM);
  if (!sourceBox || !targetBox || !data) return null;
  const { path, labelX, labelY } = flowEdgePath(sourceBox, targetBox, data.hasReverse);
  const kind = data.isPartial ? 'partial' : data.kind;
  return (
    <BaseEdge
      path={path}
      labelX={labelX}
      labelY={labelY}
      label={isFar ? undefined : data.label}
      labelBgPadding={[4, 2]}
      labelBgBorderRadius={4}
      markerEnd={markerEnd}
      style={style}
      className={`flow-edge flow-edge--${kind}${data.diff ? ` flow-edge--diff-${data.diff}` : ''}`}
    />
  );
});

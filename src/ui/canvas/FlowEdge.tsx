import { memo } from 'react';
import { BaseEdge, useInternalNode, useStore, type EdgeProps, type InternalNode } from '@xyflow/react';
import type { FlowEdgeType } from '../../store/graph/buildGraph';
import { flowEdgePath, type Box } from './flowEdgePath';
import { labelFontSize } from './farZoom';

function boxOf(node: InternalNode): Box | undefined {
  const { x, y } = node.internals.positionAbsolute;
  const { width = 0, height = 0 } = node.measured;
  return [x, y, width, height].every(Number.isFinite) ? { x, y, width, height } : undefined;
}

/** An allowed flow: an arrow from client to server with its connection label (at least 10 px on screen, left out when zoomed far out); pod edges solid, external dashed, partial dotted, aggregated thick; in the tier view coloured by the tier that decided it, and a flow an Admin Deny closed red and crossed; with observed flows, used ones bold, unused faint and those that would break loud red. */
export const FlowEdge = memo(function FlowEdge({ source, target, data, markerEnd, style }: EdgeProps<FlowEdgeType>) {
  const sourceNode = useInternalNode(source);
  const targetNode = useInternalNode(target);
  const sourceBox = sourceNode && boxOf(sourceNode);
  const targetBox = targetNode && boxOf(targetNode);
  // Labels keep at least 10 px on screen as the view zooms out; far out they are left out, which also spares measuring each one.
  const labelSize = useStore((state) => labelFontSize(state.transform[2]));
  if (!sourceBox || !targetBox || !data) return null;
  const { path, labelX, labelY } = flowEdgePath(sourceBox, targetBox, data.hasReverse);
  const kind = data.isPartial ? 'partial' : data.kind;
  return (
    <BaseEdge
      path={path}
      labelX={labelX}
      labelY={labelY}
      label={labelSize === null ? undefined : data.label}
      labelStyle={labelSize === null ? undefined : { fontSize: labelSize }}
      labelBgPadding={[4, 2]}
      labelBgBorderRadius={4}
      markerEnd={markerEnd}
      style={style}
      className={`flow-edge flow-edge--${kind}${data.tier ? ` flow-edge--tier-${data.tier}` : ''}${data.observed ? ` flow-edge--observed-${data.observed}` : ''}${data.diff ? ` flow-edge--diff-${data.diff}` : ''}`}
    />
  );
});

import { Background, Controls, MiniMap, ReactFlow, type NodeTypes } from '@xyflow/react';
import type { Graph } from './buildGraph';
import { ExternalNode } from './ExternalNode';
import { NamespaceNode } from './NamespaceNode';
import { WorkloadNode } from './WorkloadNode';

const nodeTypes: NodeTypes = { namespace: NamespaceNode, workload: WorkloadNode, external: ExternalNode };
/** Room around the graph on fit, so edges looping around the outermost nodes stay in view. */
const fitViewOptions = { padding: 0.2 };

/** The React Flow canvas; it owns node positions from `graph` on, so key it on the document. */
export function Canvas({ graph }: { graph: Graph }) {
  return (
    <ReactFlow
      defaultNodes={graph.nodes}
      defaultEdges={graph.edges}
      nodeTypes={nodeTypes}
      colorMode="system"
      fitView
      fitViewOptions={fitViewOptions}
      minZoom={0.1}
    >
      <Background />
      <Controls />
      <MiniMap pannable zoomable />
    </ReactFlow>
  );
}

import { OTHER_ADDRESSES, type FlowEnd } from '../../engine';
import { ADDRESSES_NODE_ID } from './buildGraph';

/** The address range that stands for "any other address" when a flow to or from it is designed. */
export const ANY_ADDRESS = '0.0.0.0/0';

/**
 * The flow end a canvas node stands for: a workload (`ns/name[Kind]`), or an external
 * node's range (`ext:<cidr>[ except …]` → its cidr; `ext:other` → 0.0.0.0/0); frames and the grouped addresses are none.
 */
export function flowEndOf(nodeId: string): FlowEnd | undefined {
  if (nodeId === OTHER_ADDRESSES) return { cidr: ANY_ADDRESS };
  if (nodeId.startsWith('ext:')) {
    const cidr = nodeId.slice('ext:'.length).split(' except ')[0].trim();
    return cidr === '' ? undefined : { cidr };
  }
  if (nodeId.startsWith('ns:') || nodeId === ADDRESSES_NODE_ID || nodeId === '') return undefined;
  return { workload: nodeId };
}

/** Whether a drag from `source` to `target` may design a flow: two different nodes, at least one of them a workload. */
export function isValidFlowConnection({ source, target }: { source: string; target: string }): boolean {
  const src = flowEndOf(source);
  const dst = flowEndOf(target);
  return src !== undefined && dst !== undefined && source !== target && ('workload' in src || 'workload' in dst);
}

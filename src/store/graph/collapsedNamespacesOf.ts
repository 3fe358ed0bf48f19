import type { Model } from '../../engine';
import { ADDRESSES_NODE_ID } from './buildGraph';

/** Above this many workloads the canvas opens on the namespace view: every namespace collapsed into one node. */
const NAMESPACE_VIEW_THRESHOLD = 150;

/**
 * Which namespaces are drawn collapsed: the person's choice when it was made for the
 * current document revision, else all of them, and the address blocks grouped into one
 * node ({@link ADDRESSES_NODE_ID}), when the model has more than
 * {@link NAMESPACE_VIEW_THRESHOLD} workloads, and none otherwise.
 */
export function collapsedNamespacesOf(model: Pick<Model, 'namespaces' | 'workloads'>, revision: number, chosen: { revision: number; names: readonly string[] } | null): readonly string[] {
  if (chosen !== null && chosen.revision === revision) return chosen.names;
  return model.workloads.length > NAMESPACE_VIEW_THRESHOLD ? [...model.namespaces.map((namespace) => namespace.name), ADDRESSES_NODE_ID] : [];
}

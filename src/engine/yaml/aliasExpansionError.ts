import { EVENT_ID, type Event } from 'js-yaml';

/** How far YAML aliases (`*ref`) may expand one document: the bounds {@link aliasExpansionError} checks. */
export const ALIAS_LIMITS = {
  /** Aliases in one document. */
  maxAliases: 10_000,
  /** Nodes aliases may add to one document, beyond those written out (an alias stands for every node of its anchor). */
  maxAddedNodes: 100_000,
  /** Nesting depth with aliases expanded (the parser bounds written nesting at 100 too). */
  maxDepth: 100,
} as const;

/** What an alias over a bound is: the message and where the alias is in the text. */
export interface AliasExpansionError {
  message: string;
  offset: number;
}

interface Frame {
  /** Nodes of the collection so far, aliases expanded. */
  nodes: number;
  /** Deepest nesting below it so far, aliases expanded. */
  height: number;
  anchor?: string;
}

/**
 * The first alias of `events` (parsed from `text`) over {@link ALIAS_LIMITS}, or undefined: a few hundred bytes of
 * aliases to aliases (an "alias bomb") would otherwise stand for billions of nodes, and anything that walks the value
 * (messages, export, decoding a List of Lists) would never finish. 1. walk the events once, 2. give each anchored node
 * its size and height with aliases expanded, 3. count what each alias stands for against the bounds.
 */
export function aliasExpansionError(text: string, events: readonly Event[]): AliasExpansionError | undefined {
  const anchors = new Map<string, { nodes: number; height: number }>();
  const stack: Frame[] = [];
  let aliases = 0;
  let added = 0;
  const close = (frame: Frame) => {
    if (frame.anchor !== undefined) anchors.set(frame.anchor, { nodes: frame.nodes, height: frame.height });
    const parent = stack[stack.length - 1];
    if (parent === undefined) return;
    parent.nodes += frame.nodes;
    parent.height = Math.max(parent.height, frame.height + 1);
  };
  for (const ev of events) {
    switch (ev.type) {
      case EVENT_ID.DOCUMENT:
        anchors.clear();
        aliases = 0;
        added = 0;
        stack.push({ nodes: 0, height: 0 });
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        stack.push({ nodes: 1, height: 0, ...(ev.anchorStart >= 0 ? { anchor: text.slice(ev.anchorStart, ev.anchorEnd) } : {}) });
        break;
      case EVENT_ID.SCALAR:
        close({ nodes: 1, height: 0, ...(ev.anchorStart >= 0 ? { anchor: text.slice(ev.anchorStart, ev.anchorEnd) } : {}) });
        break;
      case EVENT_ID.POP: {
        const frame = stack.pop();
        if (frame !== undefined) close(frame);
        break;
      }
      case EVENT_ID.ALIAS: {
        const target = anchors.get(text.slice(ev.anchorStart, ev.anchorEnd)) ?? { nodes: 1, height: 0 };
        aliases++;
        added += target.nodes - 1;
        const depth = stack.length - 1 + target.height;
        if (aliases > ALIAS_LIMITS.maxAliases) return { message: `more than ${ALIAS_LIMITS.maxAliases.toLocaleString('en')} aliases in one document`, offset: ev.anchorStart };
        if (added > ALIAS_LIMITS.maxAddedNodes) {
          return { message: `aliases expand this document by more than ${ALIAS_LIMITS.maxAddedNodes.toLocaleString('en')} nodes (an alias bomb?): write the values out`, offset: ev.anchorStart };
        }
        if (depth > ALIAS_LIMITS.maxDepth) return { message: `aliases nest this document deeper than ${ALIAS_LIMITS.maxDepth} levels`, offset: ev.anchorStart };
        close({ nodes: target.nodes, height: target.height });
        break;
      }
    }
  }
  return undefined;
}

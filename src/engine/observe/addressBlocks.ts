import { OTHER_ADDRESSES, type ExternalBlocks } from '../evaluate/externalFlows';
import { isInside, parseCidr, parseIP, type IPRange } from '../ip/ipRange';

/** The range an observed address stands for: an IP, a CIDR or `start-end`; undefined for anything else. */
export function addressRange(text: string): IPRange | undefined {
  const dash = text.indexOf('-');
  if (dash < 0) return parseIP(text) ?? parseCidr(text);
  const start = parseIP(text.slice(0, dash));
  const end = parseIP(text.slice(dash + 1));
  return start === undefined || end === undefined || start.family !== end.family || start.start > end.start ? undefined : { family: start.family, start: start.start, end: end.start };
}

/**
 * The external blocks (as the canvas draws them, see `externalBlocks`) an observed address lies in: every ipBlock
 * holding all of it, or "any other address" when none does; none when the text is not an address.
 */
export function addressBlocks(external: ExternalBlocks, address: string): string[] {
  const range = addressRange(address);
  if (range === undefined) return [];
  const ids = external.blocks.filter((b) => b.id !== OTHER_ADDRESSES && b.ranges.some((r) => isInside(range, r))).map((b) => b.id);
  return ids.length > 0 ? ids : [OTHER_ADDRESSES];
}

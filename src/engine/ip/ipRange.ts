import ipaddr from 'ipaddr.js';

/** An inclusive range of addresses of one IP family. */
export interface IPRange {
  family: 4 | 6;
  start: bigint;
  end: bigint;
}

const BITS = { 4: 32n, 6: 128n } as const;

function toBigInt(bytes: number[]): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

/** Every address of one family. */
export function universe(family: 4 | 6): IPRange {
  return { family, start: 0n, end: (1n << BITS[family]) - 1n };
}

/** Parsed CIDRs and addresses by text: clusters repeat a few ranges thousands of times (the ranges are never mutated). */
const parsedCidrs = new Map<string, IPRange | undefined>();
const parsedIPs = new Map<string, IPRange | undefined>();

/** `parse(text)`, remembered in `memo`. */
function remembered(memo: Map<string, IPRange | undefined>, text: string, parse: (text: string) => IPRange | undefined): IPRange | undefined {
  if (memo.has(text)) return memo.get(text);
  const range = parse(text);
  memo.set(text, range);
  return range;
}

/** Parses `a.b.c.d/n` or an IPv6 CIDR (host bits are masked off); undefined when invalid. */
export function parseCidr(text: string): IPRange | undefined {
  return remembered(parsedCidrs, text, parseCidrText);
}

function parseCidrText(text: string): IPRange | undefined {
  const isV4 = ipaddr.IPv4.isValidCIDRFourPartDecimal(text);
  if (!isV4 && !(text.includes(':') && ipaddr.IPv6.isValidCIDR(text))) return undefined;
  const [addr, prefix] = isV4 ? ipaddr.IPv4.parseCIDR(text) : ipaddr.IPv6.parseCIDR(text);
  const family = isV4 ? 4 : 6;
  const hostBits = BITS[family] - BigInt(prefix);
  const value = toBigInt(addr.toByteArray());
  const start = (value >> hostBits) << hostBits;
  return { family, start, end: start + (1n << hostBits) - 1n };
}

/** Parses a single IPv4 or IPv6 address as a one-address range; undefined when invalid. */
export function parseIP(text: string): IPRange | undefined {
  return remembered(parsedIPs, text, parseIPText);
}

function parseIPText(text: string): IPRange | undefined {
  const isV4 = ipaddr.IPv4.isValidFourPartDecimal(text);
  if (!isV4 && !(text.includes(':') && ipaddr.IPv6.isValid(text))) return undefined;
  const addr = ipaddr.parse(text);
  const value = toBigInt(addr.toByteArray());
  return { family: addr.kind() === 'ipv4' ? 4 : 6, start: value, end: value };
}

/** True when `text` is a single IPv4 or IPv6 address (not a range, not a name). */
export function isIPAddress(text: string): boolean {
  return parseIP(text) !== undefined;
}

/** The first address of the CIDR `text` (its network address), or undefined when it is not a CIDR. */
export function firstAddress(text: string): string | undefined {
  const range = parseCidr(text);
  return range === undefined ? undefined : formatAddress(range.family, range.start);
}

/** True when `inner` lies entirely inside `outer`. */
export function isInside(inner: IPRange, outer: IPRange): boolean {
  return inner.family === outer.family && inner.start >= outer.start && inner.end <= outer.end;
}

/** True when the ranges share at least one address. */
export function overlaps(a: IPRange, b: IPRange): boolean {
  return a.family === b.family && a.start <= b.end && b.start <= a.end;
}

/** `range` minus every range of `holes`, as sorted disjoint ranges. */
export function subtractRanges(range: IPRange, holes: readonly IPRange[]): IPRange[] {
  let pieces: IPRange[] = [range];
  for (const h of holes) {
    const next: IPRange[] = [];
    for (const p of pieces) {
      if (!overlaps(p, h)) {
        next.push(p);
        continue;
      }
      if (p.start < h.start) next.push({ family: p.family, start: p.start, end: h.start - 1n });
      if (p.end > h.end) next.push({ family: p.family, start: h.end + 1n, end: p.end });
    }
    pieces = next;
  }
  return pieces.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/**
 * Cuts the whole address space of `family` at every start of `ranges` and just
 * after every end, so that no piece straddles a range boundary.
 */
export function partition(family: 4 | 6, ranges: readonly IPRange[]): IPRange[] {
  const all = universe(family);
  const cuts = new Set<bigint>([0n]);
  for (const r of ranges) {
    if (r.family !== family) continue;
    cuts.add(r.start);
    if (r.end < all.end) cuts.add(r.end + 1n);
  }
  const starts = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return starts.map((start, i) => ({
    family,
    start,
    end: i + 1 < starts.length ? starts[i + 1] - 1n : all.end,
  }));
}

function formatAddress(family: 4 | 6, value: bigint): string {
  const bytes: number[] = [];
  const count = family === 4 ? 4 : 16;
  for (let i = count - 1; i >= 0; i--) bytes.push(Number((value >> BigInt(i * 8)) & 255n));
  return ipaddr.fromByteArray(bytes).toString();
}

/** `start-end` in the address notation of the range's family (netpol-analyzer's form). */
export function formatRange(r: IPRange): string {
  return `${formatAddress(r.family, r.start)}-${formatAddress(r.family, r.end)}`;
}

import { formatRange, type IPRange } from '../ip/ipRange';

const BITS = { 4: 32, 6: 128 } as const;

/** The fewest CIDRs that cover exactly the addresses of `range`, in address order (`10.0.0.1-10.0.0.6` → `10.0.0.1/32`, `10.0.0.2/31`, `10.0.0.4/31`, `10.0.0.6/32`). */
export function rangeToCidrs(range: IPRange): string[] {
  const bits = BITS[range.family];
  const out: string[] = [];
  let start = range.start;
  while (start <= range.end) {
    // 1. The largest aligned block starting at `start`, 2. shrunk until it ends inside the range.
    let size = 0;
    while (size < bits && (start & ((1n << BigInt(size + 1)) - 1n)) === 0n && start + (1n << BigInt(size + 1)) - 1n <= range.end) size++;
    const address = formatRange({ family: range.family, start, end: start }).split('-')[0];
    out.push(`${address}/${bits - size}`);
    start += 1n << BigInt(size);
  }
  return out;
}

import type { IPRange } from '../ip/ipRange';

/** Finds the workloads holding an address inside given ranges. */
export type AddressIndex = (ranges: readonly IPRange[]) => Set<number>;

/**
 * Indexes workload addresses (`ips[i]` for workload `i`) sorted per family, so
 * the workloads inside a range are found by binary search rather than by
 * testing every workload.
 */
export function addressIndex(ips: readonly (readonly IPRange[])[]): AddressIndex {
  const sorted: Record<4 | 6, { value: bigint; workload: number }[]> = { 4: [], 6: [] };
  ips.forEach((list, workload) => {
    for (const ip of list) sorted[ip.family].push({ value: ip.start, workload });
  });
  for (const list of Object.values(sorted)) list.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return (ranges) => {
    const out = new Set<number>();
    for (const r of ranges) {
      const list = sorted[r.family];
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid].value < r.start) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < list.length && list[k].value <= r.end; k++) out.add(list[k].workload);
    }
    return out;
  };
}

/** The drag data type of a palette item. */
export const PALETTE_MIME = 'application/x-netpol-palette';

/** The three things the palette adds. */
export const PALETTE_ITEMS = [
  { kind: 'namespace', label: 'Namespace', icon: '▭', hint: 'a Namespace namespace-N' },
  { kind: 'workload', label: 'Workload', icon: '◼', hint: 'a Deployment workload-N with label app=workload-N' },
  { kind: 'external', label: 'External CIDR', icon: '☁', hint: 'an address range outside the cluster' },
] as const;

/** One palette item kind. */
export type PaletteItemKind = (typeof PALETTE_ITEMS)[number]['kind'];

/** The palette item kind a drag carries, or undefined when it is something else. */
export function paletteItemOf(data: string): PaletteItemKind | undefined {
  return PALETTE_ITEMS.find((item) => item.kind === data)?.kind;
}

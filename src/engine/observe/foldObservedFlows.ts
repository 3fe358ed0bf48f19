import type { ObservedFlow } from './observedFlow';

/**
 * Folds records that are the same flow (the same endpoint objects — the parser shares one object per distinct
 * endpoint —, protocol, port, verdict, drop reason and direction) into one with `records` counting them and the line
 * of the first: 100,000 Hubble lines of a few thousand distinct flows become those few thousand, cheap to hand
 * between threads, and `mapObservedFlows` counts them as before.
 */
export function foldObservedFlows(flows: readonly ObservedFlow[]): ObservedFlow[] {
  const ids = new Map<object, number>();
  const idOf = (o: object) => {
    let id = ids.get(o);
    if (id === undefined) ids.set(o, (id = ids.size));
    return id;
  };
  const folded = new Map<string, ObservedFlow>();
  for (const flow of flows) {
    const key = `${idOf(flow.src)} ${idOf(flow.dst)} ${flow.protocol} ${flow.port} ${flow.verdict} ${flow.dropReason ?? ''} ${flow.direction ?? ''}`;
    const known = folded.get(key);
    if (known === undefined) folded.set(key, { ...flow, records: flow.records ?? 1 });
    else known.records = (known.records ?? 1) + (flow.records ?? 1);
  }
  return [...folded.values()];
}

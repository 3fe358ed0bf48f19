import type { Model } from '../engine';
import type { AnalysisSummary } from './analysisJobs';

/** An item of a list as sent: the item itself, or the index of the same item in the base summary's list. */
type Sent<T> = T | number;

/**
 * A summary as the worker sends it: numbered, and written against an earlier summary (`base`) the page holds, whose
 * unchanged objects are sent as their index there. An edit of one policy at 1,000 workloads re-sent the whole 2 MB
 * model (~50 ms to copy out of the worker, as much to read in on the page); now it sends one object and 4,000 numbers,
 * and the page keeps the objects it already had, so views that compare by identity skip what did not change.
 */
export interface SummaryDelta {
  id: number;
  /** The id of the summary the indices point into; null when everything is sent. */
  base: number | null;
  model: { [K in keyof Model]: Sent<Model[K][number]>[] };
  issues: AnalysisSummary['issues'];
  connectionCount: number;
  errorCount: number;
  writtenPolicies: Sent<AnalysisSummary['writtenPolicies'][number]>[];
}

type Written = AnalysisSummary['writtenPolicies'][number];
const writtenKey = (w: Written) => JSON.stringify([w.file, w.line, w.ref.kind, w.ref.namespace ?? null, w.ref.name]);

function encodeList<T>(items: readonly T[], base: readonly T[] | undefined, keyOf: (item: T) => unknown = (item) => item): Sent<T>[] {
  if (base === undefined) return [...items];
  const index = new Map<unknown, number>();
  base.forEach((item, i) => index.set(keyOf(item), i));
  return items.map((item) => index.get(keyOf(item)) ?? item);
}

function decodeList<T>(items: readonly Sent<T>[], base: readonly T[] | undefined, list: string): T[] {
  return items.map((item) => {
    if (typeof item !== 'number') return item;
    if (base === undefined || item < 0 || item >= base.length) throw new Error(`summary ${list}: index ${item} has no base item`);
    return base[item];
  });
}

/** `summary` as summary `id`, written against `base` (the same objects in the same order are sent as indices). */
export function encodeSummary(summary: AnalysisSummary, id: number, base: { id: number; summary: AnalysisSummary } | null): SummaryDelta {
  const model = base?.summary.model;
  return {
    id,
    base: base?.id ?? null,
    model: {
      namespaces: encodeList(summary.model.namespaces, model?.namespaces),
      workloads: encodeList(summary.model.workloads, model?.workloads),
      policies: encodeList(summary.model.policies, model?.policies),
      clusterPolicies: encodeList(summary.model.clusterPolicies, model?.clusterPolicies),
      others: encodeList(summary.model.others, model?.others),
    },
    issues: summary.issues,
    connectionCount: summary.connectionCount,
    errorCount: summary.errorCount,
    writtenPolicies: encodeList(summary.writtenPolicies, base?.summary.writtenPolicies, writtenKey),
  };
}

/** The summary `delta` describes, reusing the objects of `base`; throws when `delta` was written against another base. */
export function decodeSummary(delta: SummaryDelta, base: { id: number; summary: AnalysisSummary } | null): AnalysisSummary {
  if (delta.base !== null && delta.base !== base?.id) throw new Error(`summary ${delta.id} was written against summary ${delta.base}, which this page does not hold`);
  const model = delta.base === null ? undefined : base?.summary.model;
  return {
    model: {
      namespaces: decodeList(delta.model.namespaces, model?.namespaces, 'namespaces'),
      workloads: decodeList(delta.model.workloads, model?.workloads, 'workloads'),
      policies: decodeList(delta.model.policies, model?.policies, 'policies'),
      clusterPolicies: decodeList(delta.model.clusterPolicies, model?.clusterPolicies, 'clusterPolicies'),
      others: decodeList(delta.model.others, model?.others, 'others'),
    },
    issues: delta.issues,
    connectionCount: delta.connectionCount,
    errorCount: delta.errorCount,
    writtenPolicies: decodeList(delta.writtenPolicies, delta.base === null ? undefined : base?.summary.writtenPolicies, 'writtenPolicies'),
  };
}

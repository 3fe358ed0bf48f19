import { isRawMap, type RawMap } from '../decode/decodeContext';
import type { SourceFile } from '../model/types';
import { editObject, listObjects, type ObjectRef } from './editObject';

/** The label the app gives a workload it creates: `app: <name>`. */
const CREATED_LABEL = 'app';

/** True when `value` (outside the renamed workload) selects on `app: <name>`, by matchLabels, a plain selector or a matchExpression. */
function selectsOn(value: unknown, name: string): boolean {
  if (Array.isArray(value)) return value.some((item) => selectsOn(item, name));
  if (!isRawMap(value)) return false;
  if (value.key === CREATED_LABEL && Array.isArray(value.values) && value.values.includes(name)) return true;
  return Object.entries(value).some(([key, child]) => ((key === 'matchLabels' || key === 'selector') && isRawMap(child) && child[CREATED_LABEL] === name) || selectsOn(child, name));
}

/** `raw` with every `labels`/`matchLabels` map's `app: from` (when `isLabelRenamed`) and every container named `from` renamed to `to`. */
function renameCreated(value: unknown, from: string, to: string, isLabelRenamed: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => renameCreated(item, from, to, isLabelRenamed));
  if (!isRawMap(value)) return value;
  const out = Object.create(null) as RawMap;
  for (const [key, child] of Object.entries(value)) {
    if (isLabelRenamed && (key === 'labels' || key === 'matchLabels') && isRawMap(child) && child[CREATED_LABEL] === from) out[key] = { ...child, [CREATED_LABEL]: to };
    else if (key === 'containers' && Array.isArray(child)) out[key] = child.map((c) => (isRawMap(c) && c.name === from ? { ...c, name: to } : renameCreated(c, from, to, isLabelRenamed)));
    else out[key] = renameCreated(child, from, to, isLabelRenamed);
  }
  return out;
}

/**
 * Renames the workload `ref` to `to`, and with it what the app named after it when creating it: containers called
 * like the workload, and its `app: <name>` label (in the pod labels and the controller's selector) unless some other
 * object selects on that label, so no policy changes what it selects.
 */
export function renameWorkload(files: readonly SourceFile[], ref: ObjectRef, to: string): SourceFile[] {
  const from = ref.name;
  const others = listObjects(files).filter((o) => !(o.ref.kind === ref.kind && o.ref.name === from && (o.ref.namespace ?? 'default') === (ref.namespace ?? 'default')));
  const isLabelRenamed = !others.some((o) => isRawMap(o.raw.spec) && selectsOn(o.raw.spec, from));
  return editObject(files, ref, (raw) => {
    const renamed = renameCreated(raw, from, to, isLabelRenamed) as RawMap;
    return { ...renamed, metadata: { ...(isRawMap(renamed.metadata) ? renamed.metadata : {}), name: to } };
  });
}

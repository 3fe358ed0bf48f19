import { isRawMap, type RawMap } from '../decode/decodeContext';
import type { SourceFile } from '../model/types';
import { expandLists } from '../decode/expandLists';
import { dumpYaml } from '../yaml/dumpYaml';
import { parseYamlFile } from '../yaml/parseYamlFile';
import { replaceListItem } from '../yaml/replaceListItem';
import { rewriteDocument } from '../yaml/rewriteDocument';
import { sharedYamlChunkCache, type YamlChunkCache } from '../yaml/yamlChunkCache';

/** Names one object of the workspace: its kind, namespace (`default` when absent) and name. */
export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

const DOCUMENT_START = /^(?=---(?:\s|$))/m;

function matches(raw: RawMap, ref: ObjectRef, impliedKind: string | undefined): boolean {
  const kind = typeof raw.kind === 'string' ? raw.kind : impliedKind;
  if (kind !== ref.kind || !isRawMap(raw.metadata) || raw.metadata.name !== ref.name) return false;
  if (ref.kind === 'Namespace') return true;
  const ns = typeof raw.metadata.namespace === 'string' && raw.metadata.namespace !== '' ? raw.metadata.namespace : 'default';
  return ns === (ref.namespace ?? 'default');
}

/** What {@link editIn} did: the new value, whether the object was found, and when it is an item of this List, which one and what it became. */
interface EditHit {
  value: unknown;
  isFound: boolean;
  item?: { index: number; value: RawMap | null };
}

/** Applies `edit` to the object in `value` (a document, possibly a List); returns the new value and whether it was found. */
function editIn(value: unknown, ref: ObjectRef, edit: (raw: RawMap) => RawMap | null, impliedKind?: string): EditHit {
  if (!isRawMap(value)) return { value, isFound: false };
  if (matches(value, ref, impliedKind)) return { value: edit(value), isFound: true };
  if (!Array.isArray(value.items) || typeof value.kind !== 'string' || !value.kind.endsWith('List')) return { value, isFound: false };
  const itemKind = value.kind === 'List' ? undefined : value.kind.slice(0, -'List'.length);
  for (const [i, item] of value.items.entries()) {
    const hit = editIn(item, ref, edit, itemKind);
    if (!hit.isFound) continue;
    const items = [...value.items];
    if (hit.value === null) items.splice(i, 1);
    else items[i] = hit.value;
    const isItem = isRawMap(item) && matches(item, ref, itemKind);
    return { value: { ...value, items }, isFound: true, ...(isItem ? { item: { index: i, value: hit.value as RawMap | null } } : {}) };
  }
  return { value, isFound: false };
}

/**
 * Edits one object of the workspace in place: only the YAML document that holds
 * it is rewritten, or in a List only its item (comments elsewhere, and those around
 * the document, survive); `edit` returning null deletes the object. Files stay
 * unchanged when the object is not found.
 */
export function editObject(files: readonly SourceFile[], ref: ObjectRef, edit: (raw: RawMap) => RawMap | null): SourceFile[] {
  for (const [fi, file] of files.entries()) {
    const chunks = file.text.split(DOCUMENT_START);
    for (const [ci, chunk] of chunks.entries()) {
      const docs = parseYamlFile({ name: file.name, text: chunk }).documents;
      if (docs.length !== 1) continue;
      const hit = editIn(docs[0].value, ref, edit);
      if (!hit.isFound) continue;
      const spliced = hit.item === undefined ? undefined : replaceListItem(chunk, hit.item.index, hit.item.value);
      chunks[ci] = spliced ?? rewriteDocument(chunk, hit.value);
      return files.map((f, i) => (i === fi ? { ...f, text: chunks.join('') } : f));
    }
  }
  return [...files];
}

/** Appends a new object as its own document at the end of file `fileName` (the first file, or a new `workspace.yaml`, when absent). */
export function appendObject(files: readonly SourceFile[], manifest: RawMap, fileName?: string): SourceFile[] {
  const text = dumpYaml([manifest]);
  const target = files.find((f) => f.name === fileName) ?? files[0];
  if (!target) return [{ name: fileName ?? 'workspace.yaml', text }];
  const sep = target.text.trim() === '' ? '' : `${target.text.endsWith('\n') ? '' : '\n'}---\n`;
  return files.map((f) => (f === target ? { ...f, text: `${f.text.trim() === '' ? '' : f.text}${sep}${text}` } : f));
}

/** One object of the workspace as written, with where it is. */
export interface WorkspaceObject {
  ref: ObjectRef;
  file: string;
  line: number;
  raw: RawMap;
}

/** Every object of the workspace as written (Lists expanded), valid or not, in file order. */
export function listObjects(files: readonly SourceFile[]): WorkspaceObject[] {
  return objectsOf(files);
}

/** Where each object of the workspace is written, without its content: parsed through the shared cache, so after an edit only the edited document is parsed again. */
export function listObjectRefs(files: readonly SourceFile[]): Omit<WorkspaceObject, 'raw'>[] {
  return objectsOf(files, sharedYamlChunkCache).map(({ ref, file, line }) => ({ ref, file, line }));
}

function objectsOf(files: readonly SourceFile[], cache?: YamlChunkCache): WorkspaceObject[] {
  return files.flatMap((file) =>
    parseYamlFile(file, cache).documents.flatMap((doc) =>
      expandLists(doc, []).map(({ raw, kind, base }) => {
        const metadata = isRawMap(raw.metadata) ? raw.metadata : {};
        const namespace = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : 'default';
        return {
          ref: { kind, name: typeof metadata.name === 'object' || metadata.name === undefined ? '' : String(metadata.name), ...(kind === 'Namespace' ? {} : { namespace }) },
          file: file.name,
          line: doc.locate(base).line,
          raw,
        };
      }),
    ),
  );
}

/** The object `ref` names, as written, or undefined. */
export function findObject(files: readonly SourceFile[], ref: ObjectRef): RawMap | undefined {
  return listObjects(files).find((o) => o.ref.kind === ref.kind && o.ref.name === ref.name && (ref.kind === 'Namespace' || (o.ref.namespace ?? 'default') === (ref.namespace ?? 'default')))?.raw;
}

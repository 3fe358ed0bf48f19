import type { Issue } from '../model/types';
import type { YamlDocument } from '../yaml/parseYamlFile';
import { isRawMap, report, type DecodeContext, type RawMap } from './decodeContext';

/** One Kubernetes object of a document: its mapping, kind and path (`items[2]` inside a List). */
export interface RawObject {
  doc: YamlDocument;
  base: string;
  raw: RawMap;
  kind: string;
}

/** The objects of a document, with `List` and `*List` kinds expanded (items may omit `kind`). */
export function expandLists(doc: YamlDocument, issues: Issue[]): RawObject[] {
  const out: RawObject[] = [];
  const visit = (value: unknown, base: string, impliedKind: string | undefined) => {
    const ctx: DecodeContext = { doc, base, object: base || `document ${doc.index + 1}`, issues };
    if (!isRawMap(value)) {
      report(ctx, 'error', 'not-an-object', '', 'expected a Kubernetes object (a YAML mapping)');
      return;
    }
    const kind = typeof value.kind === 'string' ? value.kind : impliedKind;
    if (kind === undefined) {
      report(ctx, 'error', 'required', 'kind', 'kind is required');
      return;
    }
    if (kind === 'List' || kind.endsWith('List')) {
      const items = Array.isArray(value.items) ? value.items : [];
      const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
      items.forEach((item, i) => visit(item, base === '' ? `items[${i}]` : `${base}.items[${i}]`, itemKind));
      return;
    }
    out.push({ doc, base, raw: value, kind });
  };
  if (doc.value !== null && doc.value !== undefined) visit(doc.value, '', undefined);
  return out;
}

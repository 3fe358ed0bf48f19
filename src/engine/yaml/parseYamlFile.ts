import { CORE_SCHEMA, EVENT_ID, constructFromEvents, getScalarValue, parseEvents, type Event } from 'js-yaml';
import type { Issue, SourceFile } from '../model/types';
import { lineIndex, type LineIndex } from './lineIndex';

/** One YAML document of a file, with a way to find where a field path sits in the text. */
export interface YamlDocument {
  file: string;
  index: number;
  value: unknown;
  /** 1-based line/column of the node at `path` (`spec.ingress[0].from[1]`), or of its nearest ancestor. */
  locate(path: string): { line: number; column: number };
}

/** The documents of one file and its syntax issues. */
export interface ParsedFile {
  documents: YamlDocument[];
  issues: Issue[];
}

interface Frame {
  path: string;
  isMap: boolean;
  index: number;
  key?: string;
  keyOffset: number;
}

function childPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

function nodeStart(ev: Event): number {
  switch (ev.type) {
    case EVENT_ID.SCALAR:
      return ev.valueStart >= 0 ? ev.valueStart : ev.tagStart >= 0 ? ev.tagStart : ev.anchorStart;
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return ev.start;
    case EVENT_ID.ALIAS:
      return ev.anchorStart;
    default:
      return -1;
  }
}

/** 1. Walks the flat event stream, 2. records the start offset of every node by field path, per document. */
function offsetsByPath(text: string, events: Event[]): Map<string, number>[] {
  const docs: Map<string, number>[] = [];
  let offsets = new Map<string, number>();
  const stack: Frame[] = [];
  for (const ev of events) {
    if (ev.type === EVENT_ID.DOCUMENT) {
      offsets = new Map();
      docs.push(offsets);
      continue;
    }
    if (ev.type === EVENT_ID.POP) {
      stack.pop();
      continue;
    }
    const top = stack[stack.length - 1];
    let path = '';
    let offset = nodeStart(ev);
    if (top && top.isMap && top.key === undefined) {
      top.key = ev.type === EVENT_ID.SCALAR ? getScalarValue(text, ev) : '?';
      top.keyOffset = offset;
      if (ev.type === EVENT_ID.MAPPING || ev.type === EVENT_ID.SEQUENCE) stack.push({ path: '?', isMap: ev.type === EVENT_ID.MAPPING, index: 0, keyOffset: -1 });
      continue;
    }
    if (top && top.isMap) {
      path = childPath(top.path, top.key ?? '?');
      if (top.keyOffset >= 0) offset = top.keyOffset;
      top.key = undefined;
    } else if (top) {
      path = `${top.path}[${top.index}]`;
      top.index++;
    }
    if (offset >= 0 && !offsets.has(path)) offsets.set(path, offset);
    if (ev.type === EVENT_ID.MAPPING || ev.type === EVENT_ID.SEQUENCE) {
      stack.push({ path, isMap: ev.type === EVENT_ID.MAPPING, index: 0, keyOffset: -1 });
    }
  }
  return docs;
}

function parentPath(path: string): string {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut <= 0 ? '' : path.slice(0, cut);
}

function makeDocuments(file: string, text: string, lines: LineIndex, docIndexBase: number, lineOffset: number): YamlDocument[] {
  const events = parseEvents(text, { filename: file });
  const values = constructFromEvents(events, { source: text, filename: file, schema: CORE_SCHEMA });
  const offsets = offsetsByPath(text, events);
  return values.map((value, i) => {
    const map = offsets[i] ?? new Map<string, number>();
    return {
      file,
      index: docIndexBase + i,
      value,
      locate(path: string) {
        let p = path;
        while (!map.has(p) && p !== '') p = parentPath(p);
        return lines.position((map.get(p) ?? 0) + lineOffset);
      },
    };
  });
}

function syntaxIssue(file: string, err: unknown, lineShift: number): Issue {
  const e = err as { reason?: string; message?: string; mark?: { line: number; column: number } };
  return {
    severity: 'error',
    code: 'yaml-syntax',
    message: `YAML syntax error: ${e.reason ?? e.message ?? String(err)}`,
    file,
    line: e.mark ? e.mark.line + 1 + lineShift : undefined,
    column: e.mark ? e.mark.column + 1 : undefined,
  };
}

/**
 * Parses a multi-document YAML (or JSON) file. When one document has a syntax
 * error, the others are still returned, and the error carries its line/column.
 */
export function parseYamlFile(source: SourceFile): ParsedFile {
  const lines = lineIndex(source.text);
  try {
    return { documents: makeDocuments(source.name, source.text, lines, 0, 0), issues: [] };
  } catch {
    const documents: YamlDocument[] = [];
    const issues: Issue[] = [];
    const chunks = source.text.split(/^(?=---(?:\s|$))/m);
    let offset = 0;
    for (const chunk of chunks) {
      const lineShift = lines.position(offset).line - 1;
      try {
        documents.push(...makeDocuments(source.name, chunk, lines, documents.length, offset).filter((d) => d.value !== null));
      } catch (err) {
        issues.push(syntaxIssue(source.name, err, lineShift));
      }
      offset += chunk.length;
    }
    return { documents, issues };
  }
}

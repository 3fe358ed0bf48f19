import type { Issue, Severity, SourceRef } from '../model/types';
import type { Finding } from '../validate/finding';
import { quoteValue } from '../validate/quoteValue';
import type { YamlDocument } from '../yaml/parseYamlFile';

/** Where decoding is: the document, the object's path inside it, and the issue sink. */
export interface DecodeContext {
  doc: YamlDocument;
  /** Path of the object inside its document (`items[2]` in a List), `''` at the top. */
  base: string;
  /** `Kind ns/name` of the object, for messages. */
  object: string;
  issues: Issue[];
}

/** A plain (non-array) object read from YAML. */
export type RawMap = Record<string, unknown>;

/** True for a YAML mapping. */
export function isRawMap(v: unknown): v is RawMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fullPath(ctx: DecodeContext, path: string): string {
  if (ctx.base === '') return path;
  return path === '' ? ctx.base : `${ctx.base}.${path}`;
}

/** Records an issue at `path` (relative to the object), located in the source text at `at` (by default `path`). */
export function report(ctx: DecodeContext, severity: Severity, code: string, path: string, message: string, at: string = path): void {
  const { line, column } = ctx.doc.locate(fullPath(ctx, at));
  ctx.issues.push({ severity, code, message, file: ctx.doc.file, line, column, object: ctx.object, path: path || undefined });
}

/** Records the findings of a validator as issues (errors unless a finding says otherwise). */
export function reportFindings(ctx: DecodeContext, findings: readonly Finding[]): void {
  for (const f of findings) report(ctx, f.severity ?? 'error', f.code, f.path, f.message, f.at);
}

/** The source position of `path` inside the object. */
export function sourceRef(ctx: DecodeContext, path: string): SourceRef {
  const { line, column } = ctx.doc.locate(fullPath(ctx, path));
  return { file: ctx.doc.file, doc: ctx.doc.index, line, column };
}

/** Reads an optional mapping; reports and returns undefined when it has another type. */
export function optionalMap(ctx: DecodeContext, value: unknown, path: string): RawMap | undefined {
  if (value === undefined || value === null) return undefined;
  if (isRawMap(value)) return value;
  report(ctx, 'error', 'invalid-type', path, `${path} must be a mapping`);
  return undefined;
}

/** Reads an optional list; reports and returns `[]` when it has another type. */
export function optionalList(ctx: DecodeContext, value: unknown, path: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  report(ctx, 'error', 'invalid-type', path, `${path} must be a list`);
  return [];
}

/** Reads an optional string; reports and returns undefined when it has another type. */
export function optionalString(ctx: DecodeContext, value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  report(ctx, 'error', 'invalid-type', path, `${path} must be a string, got ${quoteValue(value)}`);
  return undefined;
}

/**
 * Reads a `map[string]string` such as `labels` or `matchLabels`; a key with no value (`app:`) is the empty string, as in
 * Go. The map has no prototype, so every key the input has (`__proto__`, `constructor`) is an ordinary entry.
 */
export function stringMap(ctx: DecodeContext, value: unknown, path: string): Record<string, string> {
  const map = optionalMap(ctx, value, path);
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  if (!map) return out;
  for (const [k, v] of Object.entries(map)) {
    if (typeof v === 'string') out[k] = v;
    else if (v === null) out[k] = '';
    else report(ctx, 'error', 'invalid-type', `${path}.${k}`, `${path}: the value of ${quoteValue(k)} must be a string (quote it), got ${quoteValue(v)}`);
  }
  return out;
}

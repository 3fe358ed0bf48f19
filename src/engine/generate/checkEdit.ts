import { decodeModel } from '../decode/decodeModel';
import type { Issue, SourceFile } from '../model/types';

/** Where an edit was refused: the document it changed that has an error and still has one after it, and that error. */
export interface BrokenEdit {
  file: string;
  /** The 1-based line of the error in the file as it is before the edit. */
  line: number;
  /** `Kind ns/name` of the object with the error, when known. */
  object?: string;
  message: string;
}

const DOCUMENT_START = /^(?=---(?:\s|$))/m;

const lineCount = (text: string) => text.split('\n').length - 1;

/** The first error of `text` read as a document on its own (names checked across other documents are not its own errors). */
function firstError(text: string): Issue | undefined {
  return decodeModel([{ name: 'document', text }]).issues.find((issue) => issue.severity === 'error');
}

/** What {@link checkEdit} found: the broken document the edit would leave broken (then it is refused), and whether every document it writes is free of errors. */
export interface EditCheck {
  broken: BrokenEdit | null;
  isClean: boolean;
}

/**
 * Judges an edit from `before` to `after` by the documents it writes: it is refused (`broken`) when it rewrites in
 * place a document that has an error and still has one afterwards (an edit may add an error, which stays marked, or
 * remove one, but no edit is taken that the views cannot show), and `isClean` when none of them has an error after it.
 * 1. In each changed file, the documents between the unchanged ones at its start and end are the written ones; 2. when
 * as many are written as were there, each is read on its own before and after; otherwise only after.
 */
export function checkEdit(before: readonly SourceFile[], after: readonly SourceFile[]): EditCheck {
  let isClean = true;
  for (const next of after) {
    const file = before.find((f) => f.name === next.name);
    if (file !== undefined && next.text === file.text) continue;
    const old = file === undefined ? [] : file.text.split(DOCUMENT_START);
    const now = next.text.split(DOCUMENT_START);
    let start = 0;
    while (start < old.length && start < now.length && old[start] === now[start]) start++;
    let end = 0;
    while (end < old.length - start && end < now.length - start && old[old.length - 1 - end] === now[now.length - 1 - end]) end++;
    const isInPlace = old.length === now.length;
    let line = 1 + old.slice(0, start).reduce((sum, chunk) => sum + lineCount(chunk), 0);
    for (let i = start; i < now.length - end; i++) {
      const error = firstError(now[i]);
      const was = isInPlace && error !== undefined ? firstError(old[i]) : undefined;
      if (was !== undefined) return { broken: { file: next.name, line: line + (was.line ?? 1) - 1, ...(was.object === undefined ? {} : { object: was.object }), message: was.message }, isClean: false };
      if (error !== undefined) isClean = false;
      if (isInPlace) line += lineCount(old[i]);
    }
  }
  return { broken: null, isClean };
}

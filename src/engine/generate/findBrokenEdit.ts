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

/**
 * The document an edit from `before` to `after` rewrites in place that has an error and still has one afterwards, or
 * null: an edit may add an error (it stays, marked) or remove one, but an edit to a broken document that leaves it
 * broken is refused, so that no edit is taken while the views cannot show it. 1. In each changed file, the documents
 * between the unchanged ones at its start and end are the rewritten ones; 2. when as many are written as were there,
 * each is read on its own before and after.
 */
export function findBrokenEdit(before: readonly SourceFile[], after: readonly SourceFile[]): BrokenEdit | null {
  for (const file of before) {
    const next = after.find((f) => f.name === file.name);
    if (next === undefined || next.text === file.text) continue;
    const old = file.text.split(DOCUMENT_START);
    const now = next.text.split(DOCUMENT_START);
    let start = 0;
    while (start < old.length && start < now.length && old[start] === now[start]) start++;
    let end = 0;
    while (end < old.length - start && end < now.length - start && old[old.length - 1 - end] === now[now.length - 1 - end]) end++;
    if (old.length - start - end !== now.length - start - end) continue;
    let line = 1 + old.slice(0, start).reduce((sum, chunk) => sum + lineCount(chunk), 0);
    for (let i = start; i < old.length - end; i++) {
      const was = firstError(old[i]);
      const error = was === undefined ? undefined : firstError(now[i]);
      if (was !== undefined && error !== undefined) {
        return { file: file.name, line: line + (was.line ?? 1) - 1, ...(was.object === undefined ? {} : { object: was.object }), message: was.message };
      }
      line += lineCount(old[i]);
    }
  }
  return null;
}

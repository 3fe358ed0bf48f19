import { dumpYaml } from './dumpYaml';

/** A line that carries no content: blank, a comment, a directive or the `---` marker (alone or before a comment). */
const LEADING_TRIVIA = /^(?:[ \t]*(?:#.*)?|%.*|---[ \t]*(?:#.*)?)\r?$/;
/** A line after the content that is no part of it: blank, or a comment at the start of the line (never inside an indented block scalar). */
const TRAILING_TRIVIA = /^(?:[ \t]*|#.*)\r?$/;

/** The lines of `chunk` before its first content line and after its last one: comments, blank lines, directives, the marker. */
function documentTrivia(chunk: string): { lead: string; trail: string } {
  const lines = chunk.split('\n');
  const hasFinalBreak = chunk.endsWith('\n');
  if (hasFinalBreak) lines.pop();
  let first = 0;
  while (first < lines.length && LEADING_TRIVIA.test(lines[first])) first++;
  let last = lines.length;
  while (last > first && TRAILING_TRIVIA.test(lines[last - 1])) last--;
  const trail = lines.slice(last);
  return { lead: lines.slice(0, first).map((line) => `${line}\n`).join(''), trail: trail.length === 0 ? '' : `${trail.join('\n')}${hasFinalBreak ? '\n' : ''}` };
}

/**
 * The YAML document `chunk` (one chunk of a stream, with its marker) rewritten to hold `value`, or removed when `value`
 * is null: the comments, blank lines and directives before its content (a file's header among them) and the comments
 * after it stay; when it is removed, only those after it stay.
 */
export function rewriteDocument(chunk: string, value: unknown): string {
  const { lead, trail } = documentTrivia(chunk);
  if (value === null) return trail;
  const marker = chunk.startsWith('---') && !lead.startsWith('---') ? '---\n' : '';
  return `${lead}${marker}${dumpYaml([value])}${trail}`;
}

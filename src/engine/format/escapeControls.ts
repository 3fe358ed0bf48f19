/**
 * True for a character a terminal, a text file or a table must never receive raw from a name: C0 and C1 controls
 * (escape sequences, line breaks, backspace), DEL, the Unicode line and paragraph separators, and the bidirectional
 * overrides and isolates that make text read other than it is.
 */
function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/**
 * `text` with every control character written visibly as `\uXXXX` (ESC is `\u001b`), so it stays on its line and does
 * what it says; with `isLineFeedKept`, `\n` stays (for text whose own lines are made by the program: JSON, a report).
 */
export function escapeControls(text: string, isLineFeedKept = false): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isControl(code) || (code === 10 && isLineFeedKept)) continue;
    out += `${text.slice(from, i)}\\u${code.toString(16).padStart(4, '0')}`;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

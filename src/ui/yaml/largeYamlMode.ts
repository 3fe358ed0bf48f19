import { foldService } from '@codemirror/language';
import { RangeSetBuilder, type EditorState, type Extension } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { yamlLineTokens, type YamlTokenKind } from './yamlLineTokens';

/** A fold looks this many lines ahead at most for the end of an indented block. */
const MAX_FOLD_LINES = 20_000;

const marks: Record<YamlTokenKind, Decoration> = {
  key: Decoration.mark({ class: 'cm-yaml-key' }),
  string: Decoration.mark({ class: 'cm-yaml-string' }),
  literal: Decoration.mark({ class: 'cm-yaml-literal' }),
  comment: Decoration.mark({ class: 'cm-yaml-comment' }),
  meta: Decoration.mark({ class: 'cm-yaml-meta' }),
  punctuation: Decoration.mark({ class: 'cm-yaml-punctuation' }),
};

/** Colours of the lines on screen only: the cost follows the viewport, never the size of the file. */
function visibleColours(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const { doc } = view.state;
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to; ) {
      const line = doc.lineAt(pos);
      for (const token of yamlLineTokens(line.text)) builder.add(line.from + token.from, line.from + token.to, marks[token.kind]);
      pos = line.to + 1;
    }
  }
  return builder.finish();
}

const colours = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = visibleColours(view);
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.viewportChanged) this.decorations = visibleColours(update.view);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

const indentOf = (text: string) => text.length - text.trimStart().length;

/**
 * The indented block under the line at `lineStart`: the following lines indented deeper, and for a key with no value
 * (`containers:`) also the `- ` items written at its own indent, as kubectl writes them. Null when nothing is under it.
 */
export function indentedBlock(state: EditorState, lineStart: number): { from: number; to: number } | null {
  const { doc } = state;
  const line = doc.lineAt(lineStart);
  const text = line.text.trimEnd();
  if (text.trim() === '' || text.trimStart().startsWith('#')) return null;
  const indent = indentOf(text);
  const opensList = text.endsWith(':');
  let last = line;
  const stop = Math.min(doc.lines, line.number + MAX_FOLD_LINES);
  for (let n = line.number + 1; n <= stop; n++) {
    const next = doc.line(n);
    const body = next.text.trimStart();
    if (body === '') continue;
    const depth = indentOf(next.text);
    const isItemOfKey = opensList && depth === indent && (body === '-' || body.startsWith('- '));
    if (depth <= indent && !isItemOfKey) break;
    last = next;
  }
  return last === line ? null : { from: line.to, to: last.to };
}

/** The same CSS variables as the parser's highlight style. */
const theme = EditorView.baseTheme({
  '.cm-yaml-key': { color: 'var(--yaml-key)' },
  '.cm-yaml-string': { color: 'var(--yaml-string)' },
  '.cm-yaml-literal': { color: 'var(--yaml-literal)' },
  '.cm-yaml-comment': { color: 'var(--yaml-comment)', fontStyle: 'italic' },
  '.cm-yaml-meta': { color: 'var(--yaml-meta)' },
  '.cm-yaml-punctuation': { color: 'var(--muted)' },
});

/**
 * The editor's YAML support for large files: colours by line for the lines on screen and folding by indentation, no
 * parser. The YAML parser re-parsed a 2 MB file in 100 ms slices after every keystroke, holding the next paint for
 * ~400 ms; this costs the same at any size.
 */
export const largeYamlMode: Extension = [colours, theme, foldService.of((state, lineStart) => indentedBlock(state, lineStart))];

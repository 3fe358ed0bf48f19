import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { Annotation, Compartment, EditorState, Transaction, type ChangeSet, type Extension, type Text } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { Issue } from '../../engine';
import { afterNextPaint } from '../shared/afterNextPaint';
import { applyChanges } from './applyChanges';
import { editorSetup } from './editorSetup';
import { issueDiagnostics } from './issueDiagnostics';
import { largeYamlMode } from './largeYamlMode';
import { textChange, type KnownEdit } from '../../store/textChange';
import { yamlHighlight } from './yamlHighlight';

/**
 * Typing is sent on (and the canvas re-evaluates) right after the next paint when nothing was sent in the last
 * DEBOUNCE_MS; changes that follow closer than that are sent together once typing pauses for DEBOUNCE_MS.
 */
const DEBOUNCE_MS = 30;
/** Marks transactions that bring outside text into the editor, so they are not sent back. */
const fromOutside = Annotation.define<boolean>();
/**
 * Texts longer than this get {@link largeYamlMode} (colours by line on screen, folds by indentation) instead of the YAML
 * parser, whose re-parse after a key costs nearly a full parse: ~55 ms at 0.2 MB (100 workloads), ~8 ms at 18 KB.
 */
const LARGE_TEXT_CHARS = 50_000;
const parsedYaml: Extension = [yaml(), yamlHighlight];
const languageFor = (length: number): Extension => (length > LARGE_TEXT_CHARS ? largeYamlMode : parsedYaml);

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '13px', backgroundColor: 'var(--surface)', color: 'var(--text)' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' },
  '.cm-gutters': { backgroundColor: 'var(--toolbar)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'rgba(128, 128, 128, 0.1)' },
});

/** Reads and writes the workspace's file texts for the editor. */
export interface TextSource {
  read(file: string): string;
  /** Takes the new text of `file`; `edit`, when known, is the one change that turned `edit.base` into it. */
  write(file: string, text: string, edit?: KnownEdit): void;
}

/** One CodeMirror view over the workspace files: one editor state (text, cursor, history) per file, typing debounced out. */
export class YamlSession {
  private readonly view: EditorView;
  private readonly states = new Map<string, EditorState>();
  private readonly extensions: Extension;
  /** The YAML support: the parser, or for large texts colours by line (switched when a text crosses {@link LARGE_TEXT_CHARS}). */
  private readonly language = new Compartment();
  private file: string;
  /** The text last exchanged with the source for the shown file. */
  private known: string;
  /** The editor document `known` was read from: while the editor still holds it, `known` is its text (no 2 MB copy to compare). */
  private knownDoc: Text | null = null;
  /** The typing since `knownDoc`, so that `known` can be brought up to date without writing out the whole document. */
  private typed: ChangeSet | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When typing was last sent on (performance.now()), for the leading edge of the debounce. */
  private sentAt = -Infinity;
  /** Whether the shown file has inline issues now; an empty list is not dispatched again. */
  private hasIssues = false;

  constructor(
    parent: HTMLElement,
    file: string,
    private readonly source: TextSource,
  ) {
    this.extensions = [
      editorSetup,
      lintGutter(),
      theme,
      // tabindex: the editable content is already a tab stop; saying so lets checkers see the scroller is reachable by keyboard.
      EditorView.contentAttributes.of({ 'aria-label': 'YAML editor', tabindex: '0' }),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged || update.transactions.some((tr) => tr.annotation(fromOutside))) return;
        this.typed = this.typed === null ? update.changes : this.typed.compose(update.changes);
        const isQuiet = this.timer === undefined && performance.now() - this.sentAt >= DEBOUNCE_MS;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.flush(), DEBOUNCE_MS);
        // After a pause, the first change goes out as soon as the frame showing it has been painted.
        if (isQuiet) afterNextPaint(() => this.flush());
      }),
      EditorView.domEventHandlers({ blur: () => this.flush() }),
    ];
    this.file = file;
    this.known = source.read(file);
    this.view = new EditorView({ parent, state: this.createState(this.known) });
    this.knownDoc = this.view.state.doc;
  }

  private createState(doc: string): EditorState {
    return EditorState.create({ doc, extensions: [this.extensions, this.language.of(languageFor(doc.length))] });
  }

  /** Switches the YAML support when the text has crossed {@link LARGE_TEXT_CHARS}. */
  private fitLanguage(): void {
    const { state } = this.view;
    const wanted = languageFor(state.doc.length);
    if (this.language.get(state) !== wanted) this.view.dispatch({ effects: this.language.reconfigure(wanted) });
  }

  /** Sends pending typing on at once. */
  flush(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.sentAt = performance.now();
    const { doc } = this.view.state;
    const base = this.known;
    const applied = this.typed === null ? null : applyChanges(base, this.typed);
    this.known = applied?.text ?? doc.toString();
    this.knownDoc = doc;
    this.typed = null;
    this.source.write(this.file, this.known, applied?.change ? { base, change: applied.change } : undefined);
    this.fitLanguage();
  }

  /** Shows `file`, with the cursor and history it had when last shown. */
  showFile(file: string): void {
    if (file === this.file) return;
    this.flush();
    this.states.set(this.file, this.view.state);
    const state = this.states.get(file) ?? this.createState(this.source.read(file));
    this.view.setState(state);
    this.hasIssues = true;
    this.file = file;
    this.known = state.doc.toString();
    this.knownDoc = state.doc;
    this.typed = null;
  }

  /** Takes an outside change of the shown file's text (undo, open, add), keeping the cursor, and out of the editor's own undo. */
  receiveText(file: string, text: string): void {
    if (file !== this.file || text === this.known) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const shown = this.view.state.doc === this.knownDoc && !this.known.includes('\r') ? this.known : this.view.state.doc.toString();
    this.known = text;
    const change = textChange(shown, text);
    if (change !== null) this.view.dispatch({ changes: change, annotations: [fromOutside.of(true), Transaction.addToHistory.of(false)] });
    this.knownDoc = this.view.state.doc;
    this.typed = null;
    this.fitLanguage();
  }

  /** Marks the issues of the shown file inline, if the editor still holds the text they were found in. */
  showIssues(issues: readonly Issue[], text: string): void {
    const { state } = this.view;
    const shown = state.doc === this.knownDoc ? this.known : state.doc.toString();
    if (shown !== text) return;
    const diagnostics = issueDiagnostics(issues, this.file, state.doc);
    if (diagnostics.length === 0 && !this.hasIssues) return;
    this.hasIssues = diagnostics.length > 0;
    this.view.dispatch(setDiagnostics(state, diagnostics));
  }

  /** Selects `line` of the shown file, scrolls it into the middle of the view and focuses the editor. */
  jumpTo(line: number): void {
    const { doc } = this.view.state;
    const target = doc.line(Math.min(Math.max(line, 1), doc.lines));
    this.view.dispatch({
      selection: { anchor: target.from, head: target.to },
      effects: EditorView.scrollIntoView(target.from, { y: 'center' }),
    });
    this.view.focus();
  }

  /** The file shown. */
  get shownFile(): string {
    return this.file;
  }

  /** Drops pending typing (it belongs to a document being replaced) and removes the view. */
  destroy(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.view.destroy();
  }
}

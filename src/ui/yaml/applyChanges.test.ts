import { ChangeSet, EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { applyChanges } from './applyChanges';

describe('applyChanges', () => {
  it('gives the text the editor holds after a series of edits, multi-line inserts included', () => {
    const text = 'kind: Pod\nmetadata:\n  name: web\n';
    let state = EditorState.create({ doc: text });
    let changes = ChangeSet.empty(state.doc.length);
    for (const spec of [{ from: 6, to: 9, insert: 'Service' }, { from: 0, insert: '# top\n' }, { from: 40, to: 40, insert: 'x\ny' }]) {
      const tr = state.update({ changes: spec });
      changes = changes.compose(tr.changes);
      state = tr.state;
    }
    expect(applyChanges(text, changes)).toEqual({ text: state.doc.toString(), change: null });
  });

  it('gives one change as the replacement it is, and the text itself when nothing was rewritten', () => {
    const text = 'port: 8080\n';
    const state = EditorState.create({ doc: text });
    const typed = state.update({ changes: { from: 9, to: 10, insert: '1' } }).changes;
    expect(applyChanges(text, typed)).toEqual({ text: 'port: 8081\n', change: { from: 9, to: 10, insert: '1' } });
    const same = state.update({ changes: { from: 9, to: 10, insert: '0' } }).changes;
    expect(applyChanges(text, same)?.text).toBe(text);
    expect(applyChanges(text, same)?.change).toBeNull();
  });

  it('refuses changes made on another text, and texts with CR line ends', () => {
    const changes = ChangeSet.of({ from: 0, insert: 'a' }, 3);
    expect(applyChanges('abcd', changes)).toBeNull();
    expect(applyChanges('a\r\n', changes)).toBeNull();
    expect(applyChanges('abc', changes)).toEqual({ text: 'aabc', change: { from: 0, to: 0, insert: 'a' } });
  });
});

import { foldable } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { largeYamlMode } from './largeYamlMode';

const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web

spec:
  containers:
  - name: web
    ports:
    - containerPort: 80
# end
`;

const state = EditorState.create({ doc: text, extensions: largeYamlMode });
/** What folding line `n` hides, as text. */
const folded = (n: number) => {
  const line = state.doc.line(n);
  const range = foldable(state, line.from, line.to);
  return range === null ? null : state.sliceDoc(range.from, range.to);
};

describe('largeYamlMode folding', () => {
  it('folds a key over its deeper lines, blank lines inside included', () => {
    expect(folded(3)).toBe('\n  name: web\n  labels:\n    app: web');
    expect(folded(5)).toBe('\n    app: web');
  });

  it('folds a key over the "- " items written at its own indent, and an item over its body', () => {
    expect(folded(9)).toBe('\n  - name: web\n    ports:\n    - containerPort: 80');
    expect(folded(10)).toBe('\n    ports:\n    - containerPort: 80');
  });

  it('folds nothing under a leaf, a blank line or a comment', () => {
    expect(folded(1)).toBeNull();
    expect(folded(7)).toBeNull();
    expect(folded(13)).toBeNull();
  });
});

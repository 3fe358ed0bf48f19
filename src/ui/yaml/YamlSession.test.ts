// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { YamlSession, type TextSource } from './YamlSession';

beforeAll(() => {
  // jsdom lays nothing out; CodeMirror measures text ranges when the view updates.
  Range.prototype.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => new DOMRect();
});

function session(text: string) {
  const files = new Map([['a.yaml', text]]);
  const writes: string[] = [];
  const source: TextSource = { read: (file) => files.get(file) ?? '', write: (_file, next) => writes.push(next) };
  const parent = document.createElement('div');
  document.body.append(parent);
  const yaml = new YamlSession(parent, 'a.yaml', source);
  const view = (yaml as unknown as { view: import('@codemirror/view').EditorView }).view;
  const type = (at: number, insert: string) => view.dispatch({ changes: { from: at, insert } });
  return { yaml, writes, type };
}

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('YamlSession typing', () => {
  it('sends the first change after a pause at once (before any timer), not after the debounce', async () => {
    vi.useFakeTimers();
    const { writes, type } = session('kind: Pod\n');
    type(9, 'X');
    await Promise.resolve();
    expect(writes).toEqual(['kind: PodX\n']);
  });

  it('sends changes that follow closely together, once typing pauses', async () => {
    vi.useFakeTimers();
    const { writes, type } = session('kind: Pod\n');
    type(9, 'a');
    await Promise.resolve();
    type(10, 'b');
    type(11, 'c');
    await Promise.resolve();
    expect(writes).toEqual(['kind: Poda\n']);
    vi.advanceTimersByTime(30);
    expect(writes).toEqual(['kind: Poda\n', 'kind: Podabc\n']);
  });

  it('drops pending typing when destroyed (the document is being replaced)', async () => {
    vi.useFakeTimers();
    const { yaml, writes, type } = session('kind: Pod\n');
    type(9, 'X');
    yaml.destroy();
    await Promise.resolve();
    vi.advanceTimersByTime(100);
    expect(writes).toEqual([]);
  });
});

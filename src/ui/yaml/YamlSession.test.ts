// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { YamlSession, type TextSource } from './YamlSession';

beforeAll(() => {
  // jsdom lays nothing out; CodeMirror measures text ranges when the view updates.
  Range.prototype.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => new DOMRect();
});

/** Frames on demand: requestAnimationFrame callbacks wait until `paint()`. */
let frames: FrameRequestCallback[] = [];
const paint = () => {
  const due = frames;
  frames = [];
  for (const callback of due) callback(performance.now());
};
/** Resolves after messages posted before it were handled (the session's after-paint step is one). */
const messagesHandled = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

beforeEach(() => {
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

function session(text: string) {
  const files = new Map([['a.yaml', text]]);
  const writes: { text: string; change: unknown }[] = [];
  const source: TextSource = { read: (file) => files.get(file) ?? '', write: (_file, next, edit) => writes.push({ text: next, change: edit?.change ?? null }) };
  const parent = document.createElement('div');
  document.body.append(parent);
  const yaml = new YamlSession(parent, 'a.yaml', source);
  const view = (yaml as unknown as { view: import('@codemirror/view').EditorView }).view;
  const type = (at: number, insert: string) => view.dispatch({ changes: { from: at, insert } });
  return { yaml, writes, type };
}

describe('YamlSession typing', () => {
  it('sends the first change after a pause once the next frame is painted, with the change it made, not after the debounce', async () => {
    const { writes, type } = session('kind: Pod\n');
    vi.advanceTimersByTime(1000);
    type(9, 'X');
    await messagesHandled();
    expect(writes).toEqual([]);
    paint();
    await messagesHandled();
    expect(writes).toEqual([{ text: 'kind: PodX\n', change: { from: 9, to: 9, insert: 'X' } }]);
  });

  it('sends changes that follow closely together once typing pauses', async () => {
    const { writes, type } = session('kind: Pod\n');
    vi.advanceTimersByTime(1000);
    type(9, 'a');
    paint();
    await messagesHandled();
    type(10, 'b');
    type(11, 'c');
    paint();
    await messagesHandled();
    expect(writes.map((w) => w.text)).toEqual(['kind: Poda\n']);
    vi.advanceTimersByTime(30);
    expect(writes.map((w) => w.text)).toEqual(['kind: Poda\n', 'kind: Podabc\n']);
  });

  it('drops pending typing when destroyed (the document is being replaced)', async () => {
    const { yaml, writes, type } = session('kind: Pod\n');
    vi.advanceTimersByTime(1000);
    type(9, 'X');
    yaml.destroy();
    paint();
    await messagesHandled();
    vi.advanceTimersByTime(100);
    expect(writes).toEqual([]);
  });
});

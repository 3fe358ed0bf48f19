import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { uniqueFileName, useDocumentStore } from './useDocumentStore';
import { textChange } from './textChange';

const initialState = useDocumentStore.getState();
const history = () => useDocumentStore.temporal.getState();
const names = () => useDocumentStore.getState().files.map((f) => f.name);
const a = { name: 'a.yaml', text: 'kind: Namespace\nmetadata: {name: a}\n' };
const b = { name: 'b.yaml', text: 'kind: Namespace\nmetadata: {name: b}\n' };

describe('useDocumentStore', () => {
  beforeEach(() => {
    useDocumentStore.setState(initialState, true);
    history().clear();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('opens an example as the only file, named after the last path segment', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('kind: Namespace\n')));
    await useDocumentStore.getState().openExample('/examples/three-tier.yaml');
    const { files, revision, loadError } = useDocumentStore.getState();
    expect(files).toEqual([{ name: 'three-tier.yaml', text: 'kind: Namespace\n' }]);
    expect(revision).toBe(1);
    expect(loadError).toBeNull();
  });

  it('keeps the open files and reports why an example could not be opened', async () => {
    useDocumentStore.getState().openFiles([{ name: 'mine.yaml', text: 'kind: Pod\n' }]);
    vi.stubGlobal('fetch', vi.fn(async () => new Response('missing', { status: 404, statusText: 'Not Found' })));
    await useDocumentStore.getState().openExample('/examples/nope.yaml');
    const { files, loadError } = useDocumentStore.getState();
    expect(files).toEqual([{ name: 'mine.yaml', text: 'kind: Pod\n' }]);
    expect(loadError).toBe('Could not open /examples/nope.yaml: 404 Not Found');
  });

  it('never lets the start example replace a file opened while it loaded, yet a chosen example replaces the workspace', async () => {
    let answer: (response: Response) => void = () => undefined;
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))));
    const loading = useDocumentStore.getState().openExample('/examples/three-tier.yaml', { isOnlyIfEmpty: true });
    useDocumentStore.getState().openFiles([{ name: 'mine.yaml', text: 'kind: Pod\n' }]);
    answer(new Response('kind: Namespace\n'));
    await loading;
    expect(useDocumentStore.getState().files).toEqual([{ name: 'mine.yaml', text: 'kind: Pod\n' }]);
    vi.stubGlobal('fetch', vi.fn(async () => new Response('kind: Namespace\n')));
    await useDocumentStore.getState().openExample('/examples/three-tier.yaml');
    expect(useDocumentStore.getState().files).toEqual([{ name: 'three-tier.yaml', text: 'kind: Namespace\n' }]);
  });

  it('clears a load error when files are opened', () => {
    useDocumentStore.setState({ loadError: 'Could not open x' });
    useDocumentStore.getState().openFiles([]);
    expect(useDocumentStore.getState().loadError).toBeNull();
  });

  it('replaces the workspace on open, bumps the revision, and undo brings the old files back', () => {
    useDocumentStore.getState().openFiles([a]);
    useDocumentStore.getState().openFiles([b]);
    expect(names()).toEqual(['b.yaml']);
    expect(useDocumentStore.getState().revision).toBe(2);
    history().undo();
    expect(names()).toEqual(['a.yaml']);
    history().redo();
    expect(names()).toEqual(['b.yaml']);
  });

  it('does not offer to undo opening files into an empty workspace', () => {
    useDocumentStore.getState().openFiles([a]);
    expect(history().pastStates).toHaveLength(0);
  });

  it('merges added files after the open ones, renaming clashes, as one undo step', () => {
    useDocumentStore.getState().openFiles([a]);
    const added = useDocumentStore.getState().addFiles([b, { ...a, text: 'kind: Pod\n' }, { ...a, text: '' }]);
    expect(added).toEqual(['b.yaml', 'a (2).yaml', 'a (3).yaml']);
    expect(names()).toEqual(['a.yaml', 'b.yaml', 'a (2).yaml', 'a (3).yaml']);
    expect(useDocumentStore.getState().files[2].text).toBe('kind: Pod\n');
    expect(useDocumentStore.getState().revision).toBe(1);
    history().undo();
    expect(names()).toEqual(['a.yaml']);
  });

  it('ignores adding nothing', () => {
    useDocumentStore.getState().openFiles([a]);
    const before = useDocumentStore.getState().files;
    expect(useDocumentStore.getState().addFiles([])).toEqual([]);
    expect(useDocumentStore.getState().files).toBe(before);
    expect(history().pastStates).toHaveLength(0);
  });

  it('sets the text of one file as an undoable step and leaves the others untouched', () => {
    useDocumentStore.getState().openFiles([a, b]);
    useDocumentStore.getState().setFileText('b.yaml', 'kind: Pod\n');
    const { files } = useDocumentStore.getState();
    expect(files[0]).toBe(a);
    expect(files[1]).toEqual({ name: 'b.yaml', text: 'kind: Pod\n' });
    history().undo();
    expect(useDocumentStore.getState().files[1]).toEqual(b);
  });

  it('applies a whole-workspace edit as one undo step and ignores an edit that changes nothing', () => {
    useDocumentStore.getState().openFiles([a, b]);
    const before = history().pastStates.length;
    useDocumentStore.getState().applyEdit((files) => files.map((f) => ({ ...f })));
    expect(history().pastStates.length).toBe(before);
    useDocumentStore.getState().applyEdit((files) => [...files, { name: 'c.yaml', text: 'kind: Pod\n' }]);
    expect(names()).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
    expect(useDocumentStore.getState().revision).toBe(1);
    history().undo();
    expect(names()).toEqual(['a.yaml', 'b.yaml']);
  });

  it('makes one undo step of a burst of typing in one file, and a new one after a pause', () => {
    vi.useFakeTimers();
    useDocumentStore.getState().openFiles([a]);
    const type = (text: string, ms: number) => {
      vi.advanceTimersByTime(ms);
      useDocumentStore.getState().setFileText('a.yaml', text);
    };
    type('k', 0);
    type('ki', 200);
    type('kin', 200);
    expect(history().pastStates).toHaveLength(1);
    type('kind', 3000);
    expect(history().pastStates).toHaveLength(2);
    history().undo();
    expect(useDocumentStore.getState().files[0].text).toBe('kin');
    type('kinx', 100);
    expect(history().pastStates).toHaveLength(2);
    history().undo();
    history().undo();
    expect(useDocumentStore.getState().files[0]).toEqual(a);
  });

  it('takes a typed edit with its known change, and passes that change on instead of comparing the texts', () => {
    useDocumentStore.getState().openFiles([a]);
    const typed = `${a.text}# note\n`;
    const change = { from: a.text.length, to: a.text.length, insert: '# note\n' };
    useDocumentStore.getState().setFileText('a.yaml', typed, { base: a.text, change });
    expect(useDocumentStore.getState().files[0].text).toBe(typed);
    expect(textChange(a.text, typed)).toBe(change);
  });

  it('ignores a known edit of another text than the file holds, unless the text differs', () => {
    useDocumentStore.getState().openFiles([a]);
    const stale = { base: 'kind: Other\n', change: { from: 0, to: 0, insert: 'x' } };
    useDocumentStore.getState().setFileText('a.yaml', a.text, stale);
    expect(history().pastStates).toHaveLength(0);
    useDocumentStore.getState().setFileText('a.yaml', 'kind: Pod\n', stale);
    expect(useDocumentStore.getState().files[0].text).toBe('kind: Pod\n');
    expect(textChange(a.text, 'kind: Pod\n')).not.toBe(stale.change);
  });

  it('records no undo step for unchanged text, unknown files or a load error', () => {
    useDocumentStore.getState().openFiles([a]);
    useDocumentStore.getState().setFileText('a.yaml', a.text);
    useDocumentStore.getState().setFileText('nope.yaml', 'x');
    useDocumentStore.getState().setLoadError('Could not read x.png');
    expect(history().pastStates).toHaveLength(0);
  });

  it('refuses an edit that leaves a broken namespace broken, says where, and takes the next edit that fixes it', () => {
    const namespace = (labels: string) => ({ name: 'b.yaml', text: `kind: Namespace\nmetadata:\n  name: b\n  labels: {${labels}}\n` });
    useDocumentStore.getState().openFiles([namespace('team: a b')]);
    const setLabels = (labels: string) => useDocumentStore.getState().applyEdit(() => [namespace(labels)]);
    setLabels('team: a b, tier: web');
    expect(useDocumentStore.getState().files).toEqual([namespace('team: a b')]);
    expect(useDocumentStore.getState().editRefusal).toMatchObject({ file: 'b.yaml', line: 4, object: 'Namespace b' });
    expect(history().pastStates).toHaveLength(0);
    setLabels('team: ab, tier: web');
    expect(useDocumentStore.getState().files).toEqual([namespace('team: ab, tier: web')]);
    expect(useDocumentStore.getState().editRefusal).toBeNull();
  });
});

describe('uniqueFileName', () => {
  it('keeps a free name and numbers a taken one before its extension', () => {
    expect(uniqueFileName('pods.yaml', new Set())).toBe('pods.yaml');
    expect(uniqueFileName('pods.yaml', new Set(['pods.yaml']))).toBe('pods (2).yaml');
    expect(uniqueFileName('pods.yaml', new Set(['pods.yaml', 'pods (2).yaml']))).toBe('pods (3).yaml');
    expect(uniqueFileName('pods (2).yaml', new Set(['pods.yaml', 'pods (2).yaml']))).toBe('pods (3).yaml');
    expect(uniqueFileName('Makefile', new Set(['Makefile']))).toBe('Makefile (2)');
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDocumentStore } from './useDocumentStore';

const initialState = useDocumentStore.getState();

describe('useDocumentStore', () => {
  beforeEach(() => useDocumentStore.setState(initialState, true));
  afterEach(() => vi.unstubAllGlobals());

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

  it('clears a load error when files are opened', () => {
    useDocumentStore.setState({ loadError: 'Could not open x' });
    useDocumentStore.getState().openFiles([]);
    expect(useDocumentStore.getState().loadError).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { WORKSPACE_VERSION, type SavedWorkspace } from './persistWorkspace';
import { SHARE_FRAGMENT_PREFIX, SHARE_LINK_MAX_CHARS, SHARED_WORKSPACE_MAX_BYTES, isShareFragment, readShareFragment, shareFragmentOf } from './shareLink';

const WORKSPACE: SavedWorkspace = {
  version: WORKSPACE_VERSION,
  files: [
    { name: 'shop.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop # café ✓\n' },
    { name: 'policies.yaml', text: 'kind: NetworkPolicy\n' },
  ],
  positions: { 'shop/api[Deployment]': { x: 12.5, y: -40 } },
  savedAt: '2025-01-02T03:04:05.000Z',
};

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function deflatedFragment(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return SHARE_FRAGMENT_PREFIX + base64Url(bytes);
}

async function errorOf(hash: string): Promise<string> {
  const read = await readShareFragment(hash);
  if (read.kind !== 'error') throw new Error('expected the link to be refused');
  return read.message;
}

describe('share link', () => {
  it('gives back the same files and positions it was made from', async () => {
    const fragment = await shareFragmentOf(WORKSPACE);
    expect(fragment).toMatch(/^#w=[A-Za-z0-9_-]+$/);
    expect(isShareFragment(fragment)).toBe(true);
    expect(await readShareFragment(fragment)).toEqual({ kind: 'workspace', workspace: WORKSPACE });
  });

  it('compresses a repetitive workspace well below its size', async () => {
    const text = 'kind: Pod\nmetadata: {name: web, labels: {app: web}}\n---\n'.repeat(2000);
    const fragment = await shareFragmentOf({ ...WORKSPACE, files: [{ name: 'pods.yaml', text }] });
    expect(fragment.length).toBeLessThan(text.length / 20);
  });

  it('refuses a damaged link: characters outside base64url, truncated or not deflate at all', async () => {
    const fragment = await shareFragmentOf(WORKSPACE);
    expect(await errorOf('#w=abc$def')).toMatch(/damaged/);
    expect(await errorOf(fragment.slice(0, fragment.length - 10))).toMatch(/damaged/);
    expect(await errorOf('#w=' + base64Url(new TextEncoder().encode('just some text, not deflated')))).toMatch(/damaged/);
    expect(await errorOf('#w=')).toMatch(/damaged/);
    expect(await errorOf('#other')).toMatch(/no shared workspace/);
  });

  it('refuses a link longer than the limit before unpacking it', async () => {
    expect(await errorOf('#w=' + 'A'.repeat(SHARE_LINK_MAX_CHARS))).toMatch(/longer than the 2,000,000 characters/);
  });

  it('stops unpacking a small link that would unpack to more than the limit', async () => {
    const bomb = await deflatedFragment(' '.repeat(SHARED_WORKSPACE_MAX_BYTES + 1));
    expect(bomb.length).toBeLessThan(100_000);
    expect(await errorOf(bomb)).toMatch(/more than 32 MB/);
  });

  it('refuses JSON that is not a workspace, or a workspace from a newer version', async () => {
    expect(await errorOf(await deflatedFragment('{"files": '))).toMatch(/damaged/);
    expect(await errorOf(await deflatedFragment('[1, 2, 3]'))).toMatch(/no workspace this version/);
    expect(await errorOf(await deflatedFragment('{"version": 1, "files": [{"name": "a.yaml", "text": 7}]}'))).toMatch(/no workspace/);
    expect(await errorOf(await deflatedFragment('{"version": 99, "files": []}'))).toMatch(/newer version/);
  });

  it('reads hostile JSON without polluting prototypes, keeping only files and finite positions', async () => {
    const hostile = JSON.stringify({
      version: 1,
      files: [{ name: 'a.yaml', text: 'kind: Pod', extra: '<script>' }],
      positions: { good: { x: 3, y: 4 }, bad: { x: 'NaN', y: 1 } },
      savedAt: 5,
      constructor: { prototype: { isPolluted: true } },
    }).replace('"positions":{', '"positions":{"__proto__":{"isPolluted":true,"x":1,"y":2},');
    const read = await readShareFragment(await deflatedFragment(hostile));
    expect(read).toEqual({ kind: 'workspace', workspace: { version: 1, files: [{ name: 'a.yaml', text: 'kind: Pod' }], positions: { good: { x: 3, y: 4 } }, savedAt: '' } });
    expect(({} as Record<string, unknown>).isPolluted).toBeUndefined();
  });
});

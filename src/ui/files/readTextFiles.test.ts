import { describe, expect, it } from 'vitest';
import { readTextFiles } from './readTextFiles';

describe('readTextFiles', () => {
  it('reads YAML and JSON files as text, in order', async () => {
    const result = await readTextFiles([
      new File(['kind: Namespace\n'], 'ns.yaml'),
      new File(['{"kind": "Pod"}'], 'pod.json'),
    ]);
    expect(result).toEqual({
      files: [
        { name: 'ns.yaml', text: 'kind: Namespace\n' },
        { name: 'pod.json', text: '{"kind": "Pod"}' },
      ],
      problems: [],
    });
  });

  it('refuses binary files with a clear sentence and keeps the readable ones', async () => {
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff])], 'logo.png');
    const nul = new File(['kind: Pod\u0000'], 'odd.yaml');
    const result = await readTextFiles([png, new File(['kind: Pod\n'], 'pod.yaml'), nul]);
    expect(result.files).toEqual([{ name: 'pod.yaml', text: 'kind: Pod\n' }]);
    expect(result.problems).toEqual([
      'logo.png is not a text file; expected YAML or JSON.',
      'odd.yaml is not a text file; expected YAML or JSON.',
    ]);
  });

  it('reports a file that cannot be read instead of throwing', async () => {
    const broken = new File(['x'], 'gone.yaml');
    Object.defineProperty(broken, 'arrayBuffer', { value: () => Promise.reject(new Error('the file was removed')) });
    expect(await readTextFiles([broken])).toEqual({ files: [], problems: ['gone.yaml could not be read: the file was removed'] });
  });
});

import { describe, expect, it } from 'vitest';
import { storedText, workspaceText } from './workspaceText';

describe('workspaceText', () => {
  it('joins the files into one YAML text, each named in a comment, documents kept apart', () => {
    expect(workspaceText([{ name: 'a.yaml', text: 'kind: Pod' }, { name: 'b.yaml', text: 'kind: Namespace\n' }])).toBe('# file: a.yaml\nkind: Pod\n---\n# file: b.yaml\nkind: Namespace\n');
  });

  it('keeps a file name on its comment line', () => {
    expect(workspaceText([{ name: 'a\nkind: Evil', text: '' }])).toBe('# file: a kind: Evil\n');
  });
});

describe('storedText', () => {
  it('gives text as it is and anything else as JSON', () => {
    expect(storedText('{"version":9}')).toBe('{"version":9}');
    expect(storedText({ version: 9 })).toBe('{\n  "version": 9\n}');
  });
});

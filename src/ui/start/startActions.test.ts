import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine';
import { pasteTarget, withFirstNamespace } from './startActions';

describe('withFirstNamespace', () => {
  it('creates workspace.yaml holding the namespace default in an empty workspace', () => {
    const files = withFirstNamespace([]);
    expect(files.map((f) => f.name)).toEqual(['workspace.yaml']);
    expect(analyze(files).model.namespaces.map((n) => n.name)).toEqual(['default']);
  });

  it('writes into an empty workspace.yaml the person already has', () => {
    const files = withFirstNamespace([{ name: 'notes.yaml', text: '' }, { name: 'workspace.yaml', text: '' }]);
    expect(files[0].text).toBe('');
    expect(files[1].text).toContain('kind: Namespace');
  });
});

describe('pasteTarget', () => {
  it('offers a new workspace.yaml when there is no file, else the first file', () => {
    expect(pasteTarget([])).toEqual({ name: 'workspace.yaml', isNew: true });
    expect(pasteTarget([{ name: 'a.yaml', text: '' }])).toEqual({ name: 'a.yaml', isNew: false });
  });
});

import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { appendObject, editObject, findObject, listObjects } from './editObject';

const TEXT = `# shop workloads, keep this comment
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: c}]}
---
# the list below came from kubectl
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata: {name: api, namespace: shop, labels: {app: api}}
  spec: {containers: [{name: c}]}
- apiVersion: v1
  kind: Pod
  metadata: {name: db, namespace: shop, labels: {app: db}}
  spec: {containers: [{name: c}]}
`;

const files = [{ name: 'a.yaml', text: TEXT }];
const labelsOf = (f: typeof files, id: string) => analyze(f).model.workloads.find((w) => w.id === id)?.labels;

describe('editObject', () => {
  it('rewrites only the document holding the object, so other comments survive', () => {
    const after = editObject(files, { kind: 'Pod', namespace: 'shop', name: 'db' }, (raw) => ({ ...raw, metadata: { ...(raw.metadata as object), labels: { app: 'db', tier: 'data' } } }));
    expect(labelsOf(after, 'shop/db[Pod]')).toEqual({ app: 'db', tier: 'data' });
    expect(after[0].text.startsWith('# shop workloads, keep this comment\n')).toBe(true);
    expect(labelsOf(after, 'shop/api[Pod]')).toEqual({ app: 'api' });
  });

  it('keeps the header comment of the file when its first document is edited', () => {
    const after = editObject(files, { kind: 'Pod', namespace: 'shop', name: 'web' }, (raw) => ({ ...raw, metadata: { ...(raw.metadata as object), labels: { app: 'web', tier: 'front' } } }));
    expect(labelsOf(after, 'shop/web[Pod]')).toEqual({ app: 'web', tier: 'front' });
    expect(after[0].text.startsWith('# shop workloads, keep this comment\napiVersion: v1\n')).toBe(true);
    expect(after[0].text).toContain('---\n# the list below came from kubectl\napiVersion: v1\nkind: List\n');
  });

  it('edits one item of a List and keeps the text and comments of the others', () => {
    const list = `apiVersion: v1
kind: List
items:
# the api, owned by team A
- apiVersion: v1
  kind: Pod
  metadata: {name: api, namespace: shop, labels: {app: api}}  # labels are load-bearing
  spec: {containers: [{name: c}]}
# the database: do not expose
- apiVersion: v1
  kind: Pod
  metadata: {name: db, namespace: shop, labels: {app: db}}
  spec: {containers: [{name: c}]}
# end of list
`;
    const listFiles = [{ name: 'l.yaml', text: list }];
    const api = { kind: 'Pod', namespace: 'shop', name: 'api' };
    const after = editObject(listFiles, api, (raw) => ({ ...raw, metadata: { name: 'api', namespace: 'shop', labels: { app: 'api', tier: 'back' } } }));
    expect(labelsOf(after, 'shop/api[Pod]')).toEqual({ app: 'api', tier: 'back' });
    expect(labelsOf(after, 'shop/db[Pod]')).toEqual({ app: 'db' });
    expect(after[0].text).toContain('# the api, owned by team A\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: api\n');
    expect(after[0].text.endsWith(list.slice(list.indexOf('# the database')))).toBe(true);

    const removed = editObject(listFiles, api, () => null);
    expect(analyze(removed).model.workloads.map((w) => w.id)).toEqual(['shop/db[Pod]']);
    expect(removed[0].text).toBe(list.replace(/- apiVersion: v1\n {2}kind: Pod\n {2}metadata: \{name: api.*\n.*\n/, ''));
  });

  it('deletes an object when the edit returns null, from a List too', () => {
    const after = editObject(files, { kind: 'Pod', namespace: 'shop', name: 'api' }, () => null);
    expect(analyze(after).model.workloads.map((w) => w.id)).toEqual(['shop/web[Pod]', 'shop/db[Pod]']);
    const noWeb = editObject(files, { kind: 'Pod', namespace: 'shop', name: 'web' }, () => null);
    expect(analyze(noWeb).model.workloads.map((w) => w.id)).toEqual(['shop/api[Pod]', 'shop/db[Pod]']);
  });

  it('leaves the files as they were when the object is not there', () => {
    expect(editObject(files, { kind: 'Pod', namespace: 'other', name: 'web' }, () => null)).toEqual(files);
  });

  it('appends a new object as its own document', () => {
    const after = appendObject(files, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { team: 'a' } } }, 'a.yaml');
    expect(analyze(after).model.namespaces.find((n) => n.name === 'shop')?.labels).toEqual({ team: 'a', 'kubernetes.io/metadata.name': 'shop' });
    expect(appendObject([], { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } })).toEqual([{ name: 'workspace.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n' }]);
  });
});

describe('listObjects and findObject', () => {
  it('lists every object as written with its file and line, Lists expanded, invalid ones included', () => {
    const bad = { name: 'b.yaml', text: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: bad}\nspec: {policyTypes: [Sideways]}\n' };
    const objects = listObjects([...files, bad]);
    expect(objects.map((o) => [o.ref.name, o.file, o.line])).toEqual([['web', 'a.yaml', 2], ['api', 'a.yaml', 11], ['db', 'a.yaml', 15], ['bad', 'b.yaml', 1]]);
    expect(findObject([...files, bad], { kind: 'NetworkPolicy', name: 'bad' })?.spec).toEqual({ policyTypes: ['Sideways'] });
    expect(findObject(files, { kind: 'Pod', namespace: 'default', name: 'web' })).toBeUndefined();
  });
});

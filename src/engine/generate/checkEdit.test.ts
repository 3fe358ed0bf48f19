import { describe, expect, it } from 'vitest';
import { editObject } from './editObject';
import { checkEdit } from './checkEdit';

const policy = (name: string, port: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${name}
  namespace: shop
spec:
  podSelector: {}
  ingress:
    - ports:
        - port: ${port}
`;
const files = [{ name: 'p.yaml', text: `${policy('web', '8080')}---\n${policy('db', '99999')}` }];
const setPort = (name: string, port: number) =>
  editObject(files, { kind: 'NetworkPolicy', namespace: 'shop', name }, (raw) => ({ ...raw, spec: { podSelector: {}, ingress: [{ ports: [{ port }] }] } }));

describe('checkEdit', () => {
  it('lets an edit of a valid document through while another document is broken', () => {
    expect(checkEdit(files, setPort('web', 9090))).toEqual({ broken: null, isClean: true });
  });

  it('refuses an edit that leaves a broken document broken, naming its object, line and error', () => {
    const renamed = editObject(files, { kind: 'NetworkPolicy', namespace: 'shop', name: 'db' }, (raw) => ({ ...raw, metadata: { name: 'db2', namespace: 'shop' } }));
    expect(checkEdit(files, renamed).broken).toEqual({ file: 'p.yaml', line: 21, object: 'NetworkPolicy shop/db', message: expect.stringContaining('99999') });
  });

  it('lets an edit through that fixes the broken document', () => {
    expect(checkEdit(files, setPort('db', 5432))).toEqual({ broken: null, isClean: true });
  });

  it('lets an edit through that makes a valid document invalid (the text keeps it, marked)', () => {
    expect(checkEdit(files, setPort('web', 0))).toEqual({ broken: null, isClean: false });
  });

  it('judges an appended document by itself', () => {
    expect(checkEdit(files, [{ name: 'p.yaml', text: `${files[0].text}---\n${policy('new', '0')}` }])).toEqual({ broken: null, isClean: false });
  });

  it('lets a broken document be deleted', () => {
    expect(checkEdit(files, editObject(files, { kind: 'NetworkPolicy', namespace: 'shop', name: 'db' }, () => null))).toEqual({ broken: null, isClean: true });
  });
});

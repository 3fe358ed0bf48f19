import { parseEvents } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { exportManifests } from '../export/exportManifests';
import { ALIAS_LIMITS, aliasExpansionError } from './aliasExpansionError';

/** A NetworkPolicy whose `ingress` aliases `levels` levels of 9 aliases each: 9^levels nodes from a few hundred bytes. */
function aliasBomb(levels: number): string {
  let text = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n  x0: &a0 [x,x,x,x,x,x,x,x,x]\n';
  for (let i = 1; i < levels; i++) text += `  x${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]\n`;
  return `${text}  ingress: *a${levels - 1}\n`;
}

const errorOf = (text: string) => aliasExpansionError(text, parseEvents(text, {}));

describe('aliasExpansionError', () => {
  it('stops a 600-byte alias bomb in well under a second with an error at the alias that crosses the bound', () => {
    const text = aliasBomb(12);
    expect(text.length).toBeLessThan(700);
    const start = performance.now();
    const { issues } = analyze([{ name: 'bomb.yaml', text }]);
    const exported = exportManifests([{ name: 'bomb.yaml', text }], { kind: 'all' });
    expect(performance.now() - start).toBeLessThan(1000);
    expect(issues).toEqual([expect.objectContaining({ severity: 'error', code: 'yaml-syntax', file: 'bomb.yaml', line: 11 })]);
    expect(issues[0].message).toMatch(/aliases expand this document by more than 100,000 nodes/);
    expect(exported).toBe('');
  });

  it('accepts aliases that add fewer nodes than the bound, and their document analyses as written', () => {
    const text = `${aliasBomb(5).replace('ingress: *a4', 'ingress: []')}  egress: [{to: [{namespaceSelector: &any {}}]}, {to: [{namespaceSelector: *any}]}]\n`;
    expect(errorOf(text)).toBeUndefined();
    const { issues, model } = analyze([{ name: 'ok.yaml', text }]);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(model.policies[0].egress).toHaveLength(2);
  });

  it('counts what an alias stands for, not its bytes: one alias to a big anchor can cross the bound', () => {
    const big = `big: &big [${Array.from({ length: 60_000 }, (_, i) => i).join(',')}]\n`;
    expect(errorOf(`${big}copy: *big\n`)).toBeUndefined();
    expect(errorOf(`${big}copy: *big\nagain: *big\n`)?.message).toMatch(/more than 100,000 nodes/);
  });

  it('bounds the number of aliases and the depth they nest to', () => {
    const many = `a: &a x\nb: [${Array(ALIAS_LIMITS.maxAliases + 1).fill('*a').join(',')}]\n`;
    expect(errorOf(many)?.message).toBe('more than 10,000 aliases in one document');
    const deep60 = `${'['.repeat(60)}x${']'.repeat(60)}`;
    expect(errorOf(`a: &d ${deep60}\nb: *d\n`)).toBeUndefined();
    expect(errorOf(`a: &d ${deep60}\nb: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[*d]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n`)?.message).toBe(
      'aliases nest this document deeper than 100 levels',
    );
  });
});

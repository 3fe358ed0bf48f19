import { describe, expect, it } from 'vitest';
import { yamlLineTokens } from './yamlLineTokens';

/** The line's coloured pieces as `kind:text`. */
const pieces = (line: string) => yamlLineTokens(line).map((t) => `${t.kind}:${line.slice(t.from, t.to)}`);

describe('yamlLineTokens', () => {
  it('colours a key and its plain value', () => {
    expect(pieces('  name: web')).toEqual(['key:name', 'punctuation::', 'string:web']);
  });

  it('tells numbers, booleans and null from strings', () => {
    expect(pieces('port: 8080')).toEqual(['key:port', 'punctuation::', 'literal:8080']);
    expect(pieces('hostNetwork: true')).toEqual(['key:hostNetwork', 'punctuation::', 'literal:true']);
    expect(pieces('x: ~')).toEqual(['key:x', 'punctuation::', 'literal:~']);
    expect(pieces('cidr: 10.0.0.0/8')).toEqual(['key:cidr', 'punctuation::', 'string:10.0.0.0/8']);
  });

  it('colours sequence dashes, quoted keys and values', () => {
    expect(pieces('  - - "app.kubernetes.io/name": \'web\'')).toEqual(['punctuation:-', 'punctuation:-', 'key:"app.kubernetes.io/name"', 'punctuation::', "string:'web'"]);
    expect(pieces('- 53')).toEqual(['punctuation:-', 'literal:53']);
  });

  it('finds comments outside quotes only', () => {
    expect(pieces('a: "x # not" # yes')).toEqual(['key:a', 'punctuation::', 'string:"x # not"', 'comment:# yes']);
    expect(pieces('# whole line')).toEqual(['comment:# whole line']);
    expect(pieces('url: http://x/#frag')).toEqual(['key:url', 'punctuation::', 'string:http://x/#frag']);
  });

  it('marks document markers, anchors, aliases and block indicators', () => {
    expect(pieces('--- # next')).toEqual(['meta:---', 'comment:# next']);
    expect(pieces('base: &b')).toEqual(['key:base', 'punctuation::', 'meta:&b']);
    expect(pieces('script: |-')).toEqual(['key:script', 'punctuation::', 'meta:|-']);
  });

  it('leaves flow collections plain and colours at most 2,000 characters of a line', () => {
    expect(pieces('ports: [80, 443]')).toEqual(['key:ports', 'punctuation::']);
    const long = `k: ${'v'.repeat(100_000)}`;
    const tokens = yamlLineTokens(long);
    expect(Math.max(...tokens.map((t) => t.to))).toBe(2_000);
  });
});

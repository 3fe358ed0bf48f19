import { CORE_SCHEMA, YAML11_SCHEMA, loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { dumpYaml } from './dumpYaml';

/** Strings a YAML 1.1 reader (kubectl's go-yaml v2 among them) would not read back as strings when written plain. */
const AMBIGUOUS = ['yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', 'Yes', 'NO', 'On', 'OFF', 'true', 'False', '2024-01-01', '2001-12-14t21:59:43.10-05:00', '0777', '0o17', '0x1F', '0b101', '1_000', '1:20', '1e3', '.5', '+12', '-.inf', '.NaN', '~', 'null', 'Null', '', '<<', '='];

function manifest(value: string) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'shop', labels: { [value]: value }, annotations: { note: value } },
    spec: { containers: [{ name: 'c', args: [value], env: [{ name: 'FLAG', value }] }] },
  };
}

describe('dumpYaml', () => {
  it.each(AMBIGUOUS)('writes %j so that YAML 1.1 and 1.2 readers both read it back as a string', (value) => {
    const text = dumpYaml([manifest(value)]);
    expect(loadAll(text, { schema: YAML11_SCHEMA })).toEqual([manifest(value)]);
    expect(loadAll(text, { schema: CORE_SCHEMA })).toEqual([manifest(value)]);
  });

  it('leaves ordinary strings plain and keeps numbers and booleans as they are', () => {
    expect(dumpYaml([{ name: 'api', port: 8080, hostNetwork: true, protocol: 'TCP', cidr: '10.0.0.0/8' }])).toBe('name: api\nport: 8080\nhostNetwork: true\nprotocol: TCP\ncidr: 10.0.0.0/8\n');
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { runAnalyze } from './runAnalyze';

/** SARIF 2.1.0's JSON schema as @microsoft/jest-sarif ships it (schemastore's sarif-2.1.0-rtm.5.json, draft-04; one of its patterns is not valid with the u flag). */
const schema = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
const validateSarif = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false }).compile(schema);

const BACKUP_EGRESS = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: backup-egress, namespace: data}
spec:
  podSelector: {matchLabels: {app: backup}}
  policyTypes: [Egress]
  egress:
    - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]
      ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
    - to: [{podSelector: {matchLabels: {app: postgres}}}]
      ports: [{port: 5432}]
`;
const BANK = readFileSync('public/examples/bank.yaml', 'utf8') + BACKUP_EGRESS;
const BAD = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: bad, namespace: shop}\nspec:\n  podSelector: {}\n  policyTypes: [Ingres]\n`;
const lint = (args: string[], stdin = BANK) => runAnalyze(['lint', ...args, '-'], () => stdin);

describe('lint CLI', () => {
  it('prints each finding at the line of the object it names, as file:line:column: severity: code: message', () => {
    const r = lint([]);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^<stdin>:\d+:1: warning: one-sided-allow: data\/backup-egress egress rule 2 allows backup → postgres on TCP 5432, but postgres's ingress does not admit it/);
    const line = Number(lines[0].split(':')[1]);
    expect(BANK.split('\n')[line - 1]).toBe('apiVersion: networking.k8s.io/v1');
    expect(BANK.split('\n')[line + 1]).toBe('metadata: {name: backup-egress, namespace: data}');
    expect(lines.some((l) => l.includes('web/default-deny-ingress is a default-deny'))).toBe(true);
  });

  it('prints a finding about a cluster policy at the line where the policy is written', () => {
    const anp = `apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: old}\nspec: {priority: 5, subject: {namespaces: {}}, ingress: [{name: deny, action: Deny, from: [{namespaces: {}}]}]}\n`;
    const r = lint([], anp);
    expect(r.stdout).toContain('<stdin>:5:1: info: cluster-v1alpha1: AdminNetworkPolicy old is v1alpha1');
  });

  it('exits 1 when a finding is at least as severe as --fail-on (default error), else 0', () => {
    expect(lint([]).code).toBe(0);
    expect(lint(['--fail-on', 'warning']).code).toBe(1);
    expect(lint(['--fail-on=info']).code).toBe(1);
    expect(lint(['--fail-on', 'warning'], readFileSync('public/examples/bank.yaml', 'utf8')).code).toBe(0);
    expect(lint([], BAD).code).toBe(1);
    expect(lint(['--fail-on', 'fatal']).code).toBe(2);
    expect(lint(['--format', 'xml']).code).toBe(2);
  });

  it('json lists findings with their objects and location', () => {
    const found = JSON.parse(lint(['--format', 'json']).stdout) as { code: string; severity: string; objects: string[]; file: string; line: number }[];
    expect(found.find((f) => f.code === 'one-sided-allow')).toMatchObject({ severity: 'warning', objects: ['data/backup-egress', 'data/backup[CronJob]', 'data/postgres[StatefulSet]'], file: '<stdin>' });
  });

  it('sarif output validates against the SARIF 2.1.0 schema, with levels and regions', () => {
    for (const input of [BANK, BAD]) {
      const log = JSON.parse(lint(['--format', 'sarif'], input).stdout) as { version: string; runs: { results: { ruleId: string; level: string; locations?: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
      expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
      expect(log.version).toBe('2.1.0');
    }
    const results = (JSON.parse(lint(['--format', 'sarif']).stdout) as { runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] }).runs[0].results;
    expect(results.find((r) => r.ruleId === 'one-sided-allow')?.level).toBe('warning');
    expect(results.find((r) => r.ruleId === 'no-default-deny')?.level).toBe('note');
    expect(results.every((r) => r.locations[0].physicalLocation.region.startLine > 0)).toBe(true);
  });

  it('the schema check catches a broken log', () => {
    expect(validateSarif({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
  });
});

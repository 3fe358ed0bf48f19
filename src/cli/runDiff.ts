import { analyze, diffEvaluations, formatConnSet, isEmptyConns, type ConnSet } from '../engine';
import type { CliResult } from './runAnalyze';
import { formatIssue } from './runAnalyze';
import { readInputs } from './readInputs';

/** Usage text of `diff`. */
export const DIFF_USAGE = `usage: netpol-canvas diff [--format txt|json] <before: file|dir> <after: file|dir>

Lists the connections added, removed and changed between two sets of manifests.
`;

const show = (c: ConnSet) => (isEmptyConns(c) ? 'No Connections' : formatConnSet(c));

/** Runs `diff <a> <b>`: the connection changes between two manifest sets, in txt or json. */
export function runDiff(argv: readonly string[], readStdin: () => string | undefined): CliResult {
  let format = 'txt';
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--format' || argv[i] === '-o') format = argv[++i] ?? '';
    else if (argv[i].startsWith('--format=')) format = argv[i].slice('--format='.length);
    else paths.push(argv[i]);
  }
  if (format !== 'txt' && format !== 'json') return { stdout: '', stderr: `netpol-canvas: diff formats are txt and json, not "${format}"\n${DIFF_USAGE}`, code: 2 };
  if (paths.length !== 2) return { stdout: '', stderr: `netpol-canvas: diff takes two inputs\n${DIFF_USAGE}`, code: 2 };
  const inputs = paths.map((p) => readInputs([p], readStdin));
  const skipped = inputs.flatMap((i) => i.skipped);
  if (skipped.length > 0) return { stdout: '', stderr: skipped.map((line) => `netpol-canvas: ${line}\n`).join(''), code: 1 };
  const sides = inputs.map((i) => analyze(i.files));
  const errors = sides.flatMap((s) => s.issues.filter((i) => i.severity === 'error'));
  if (errors.length > 0) return { stdout: '', stderr: errors.map((i) => `${formatIssue(i)}\n`).join(''), code: 1 };
  // The CLI speaks of the address families its connection lists name (netpol-analyzer's lists have IPv6 pieces only
  // once a policy names an IPv6 range); the app's preview compares both families always.
  const isV6 = (id: string) => id.endsWith('[External]') && id.includes(':');
  const namesV6 = sides.some((side) => side.connections.some((c) => isV6(c.src) || isV6(c.dst)));
  const changes = diffEvaluations(sides[0].evaluation, sides[1].evaluation).filter((c) => namesV6 || (!isV6(c.src) && !isV6(c.dst)));
  if (format === 'json') {
    const rows = changes.map((c) => ({ kind: c.kind, src: c.src, dst: c.dst, before: show(c.before), after: show(c.after) }));
    return { stdout: `${JSON.stringify(rows, null, 2)}\n`, stderr: '', code: 0 };
  }
  const lines = changes.map((c) => {
    const conns = c.kind === 'added' ? show(c.after) : c.kind === 'removed' ? show(c.before) : `${show(c.before)} -> ${show(c.after)}`;
    return `${c.kind.padEnd(7)} ${c.src} => ${c.dst} : ${conns}\n`;
  });
  return { stdout: lines.join(''), stderr: '', code: 0 };
}

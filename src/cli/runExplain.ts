import { analyze, explainConnection, isIPAddress, openingPort, type Endpoint, type Model, type Protocol } from '../engine';
import { describeExplanation } from '../ui/explain/describeExplanation';
import type { CliResult } from './runAnalyze';
import { formatIssue } from './runAnalyze';
import { readInputs } from './readInputs';

/** Usage text of `explain`. */
export const EXPLAIN_USAGE = `usage: netpol-canvas explain <src> <dst> [--protocol TCP|UDP|SCTP] [--port N] <file|dir|->...

Explains whether <src> may open a connection to <dst>, in the app's words: the
verdict, then one sentence for the source's egress and one for the
destination's ingress. An end is a workload (ns/name[Kind], or ns/name when
unique) or an IP address. Without --port: the port the app opens on (the
destination's declared port the pair allows, else TCP 80, else the lowest
allowed). Exits 0 when allowed, 1 when denied or the input is invalid.
`;

const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

function endpointOf(model: Model, text: string): Endpoint | string {
  if (isIPAddress(text)) return { ip: text };
  if (model.workloads.some((w) => w.id === text)) return { workload: text };
  const named = model.workloads.filter((w) => `${w.namespace}/${w.name}` === text);
  if (named.length === 1) return { workload: named[0].id };
  return named.length > 1 ? `"${text}" names ${named.map((w) => w.id).join(' and ')}: give the kind too` : `no workload "${text}" (use ns/name[Kind], ns/name or an IP address)`;
}

/** Runs `explain <src> <dst>`: the app's explanation of one connection as text. */
export function runExplain(argv: readonly string[], readStdin: () => string | undefined): CliResult {
  const usage = (message: string): CliResult => ({ stdout: '', stderr: `netpol-canvas: ${message}\n${EXPLAIN_USAGE}`, code: 2 });
  let protocol: string | undefined;
  let port: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s) : [argv[i], undefined];
    if (flag === '--protocol') protocol = (inline ?? argv[++i] ?? '').toUpperCase();
    else if (flag === '--port') port = inline ?? argv[++i] ?? '';
    else if (flag === '--help' || flag === '-h') return { stdout: EXPLAIN_USAGE, stderr: '', code: 0 };
    else if (flag.startsWith('-') && flag !== '-') return usage(`unknown option ${flag}`);
    else positional.push(argv[i]);
  }
  if (protocol !== undefined && !(PROTOCOLS as readonly string[]).includes(protocol)) return usage(`unknown protocol "${protocol}": use TCP, UDP or SCTP`);
  const portNumber = port === undefined ? undefined : Number(port);
  if (portNumber !== undefined && !(Number.isInteger(portNumber) && portNumber >= 1 && portNumber <= 65535)) return usage(`a port is a number from 1 to 65535, not "${port}"`);
  const [srcText, dstText, ...paths] = positional;
  if (dstText === undefined || paths.length === 0) return usage('explain takes a source, a destination and the manifests');
  const { files, skipped } = readInputs(paths, readStdin);
  if (skipped.length > 0) return { stdout: '', stderr: skipped.map((line) => `netpol-canvas: ${line}
`).join(''), code: 1 };
  // The app's analysis (workloads inferred from selectors), so the sentences are the explain panel's.
  const analysis = analyze(files, { inferWorkloads: true });
  const errors = analysis.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) return { stdout: '', stderr: errors.map((i) => `${formatIssue(i)}\n`).join(''), code: 1 };
  const src = endpointOf(analysis.model, srcText);
  const dst = endpointOf(analysis.model, dstText);
  if (typeof src === 'string') return usage(src);
  if (typeof dst === 'string') return usage(dst);
  if ('ip' in src && 'ip' in dst) return usage('one end must be a workload');
  // The port the app opens on: the opening port, else the destination's first declared port, else TCP 80.
  const declared = 'workload' in dst ? analysis.model.workloads.find((w) => w.id === dst.workload)?.ports[0] : undefined;
  const start = openingPort(analysis.evaluation, src, dst) ?? (declared ? { protocol: declared.protocol, port: declared.containerPort } : { protocol: 'TCP' as const, port: 80 });
  const query = { src, dst, protocol: (protocol as Protocol | undefined) ?? start.protocol, port: portNumber ?? start.port };
  const explanation = explainConnection(analysis.evaluation.compiled, query);
  const name = (end: Endpoint) => ('ip' in end ? end.ip : end.workload);
  const lines = [
    `${name(src)} → ${name(dst)} on ${query.protocol} ${query.port}`,
    `${explanation.isAllowed ? '✔ Allowed' : '✖ Denied'}: both ends must allow a connection.`,
    ...describeExplanation(explanation, analysis.model).map((sentence) => sentence.parts.map((part) => part.text).join('')),
  ];
  return { stdout: lines.map((line) => `${line}\n`).join(''), stderr: '', code: explanation.isAllowed ? 0 : 1 };
}

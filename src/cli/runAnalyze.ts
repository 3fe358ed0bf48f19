import { CONNLIST_FORMATS as FORMATS, analyze, formatConnlist, type ConnlistFormat as Format, type Issue } from '../engine';
import { readInputs } from './readInputs';
import { runDiff } from './runDiff';
import { runExplain } from './runExplain';
import { runLint } from './runLint';

/** What a CLI run printed and its exit code. */
export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Usage text of `analyze`. */
export const USAGE = `usage: netpol-canvas [--format txt|json|csv|md|dot] [--verbose] <file|dir|->...
       netpol-canvas diff [--format txt|json] <before> <after>
       netpol-canvas lint [--format txt|json|sarif] [--fail-on error|warning|info] <file|dir|->...
       netpol-canvas explain <src> <dst> [--protocol P] [--port N] <file|dir|->...

Lists the connections Kubernetes NetworkPolicies allow between the workloads
in the given manifests (directories are read recursively: .yaml, .yml, .json;
'-' reads standard input). txt output equals netpol-analyzer's 'list' output.
Invalid manifests are reported on stderr (file:line:column) with exit code 1.
`;

/** `file:line:column: severity: object path: message`, the form editors and CI link to. */
export function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.line, issue.column].filter((x) => x !== undefined).join(':');
  const subject = [issue.object, issue.path].filter(Boolean).join(' ');
  return `${where}: ${issue.severity}: ${subject ? `${subject}: ` : ''}${issue.message}`;
}

function parseArgs(argv: readonly string[]): { format: Format; verbose: boolean; paths: string[] } | string {
  let format: Format = 'txt';
  let verbose = false;
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--format' || arg === '-o') {
      const value = argv[++i];
      if (!(FORMATS as readonly string[]).includes(value)) return `unknown format "${value ?? ''}": use one of ${FORMATS.join(', ')}`;
      format = value as Format;
    } else if (arg.startsWith('--format=')) {
      const value = arg.slice('--format='.length);
      if (!(FORMATS as readonly string[]).includes(value)) return `unknown format "${value}": use one of ${FORMATS.join(', ')}`;
      format = value as Format;
    } else if (arg === '--verbose' || arg === '-v') verbose = true;
    else if (arg.startsWith('-') && arg !== '-') return `unknown option ${arg}`;
    else paths.push(arg);
  }
  return paths.length === 0 ? 'no input given' : { format, verbose, paths };
}

/** Runs the analysis CLI on arguments; never throws for bad input. */
export function runAnalyze(argv: readonly string[], readStdin: () => string): CliResult {
  if (argv[0] === 'diff') return runDiff(argv.slice(1), readStdin);
  if (argv[0] === 'lint') return runLint(argv.slice(1), readStdin);
  if (argv[0] === 'explain') return runExplain(argv.slice(1), readStdin);
  if (argv.includes('--help') || argv.includes('-h')) return { stdout: USAGE, stderr: '', code: 0 };
  const args = parseArgs(argv);
  if (typeof args === 'string') return { stdout: '', stderr: `netpol-canvas: ${args}\n${USAGE}`, code: 2 };
  let files;
  try {
    files = readInputs(args.paths, readStdin);
  } catch (err) {
    const e = err as { code?: string; path?: string; message?: string };
    const reason = e.code === 'ENOENT' ? `no such file or directory: ${e.path}` : (e.message ?? String(err));
    return { stdout: '', stderr: `netpol-canvas: ${reason}\n`, code: 1 };
  }
  const result = analyze(files);
  const shown = result.issues.filter((i) => args.verbose || i.severity !== 'info');
  const stderr = shown.map((i) => `${formatIssue(i)}\n`).join('');
  if (result.issues.some((i) => i.severity === 'error')) return { stdout: '', stderr, code: 1 };
  return { stdout: formatConnlist(args.format, result.connections), stderr, code: 0 };
}

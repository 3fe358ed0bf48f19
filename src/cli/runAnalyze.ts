import { CONNLIST_FORMATS as FORMATS, REJECTED_NAME_CODES, analyze, escapeControls, exposureAnalysis, formatConnlist, formatExposureTxt, type ConnlistFormat as Format, type Issue } from '../engine';
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
export const USAGE = `usage: netpol-canvas [--format txt|json|csv|md|dot] [--exposure] [--verbose] [--strict] [--no-keep-going] <file|dir|->...
       netpol-canvas diff [--format txt|json] <before> <after>
       netpol-canvas lint [--format txt|json|sarif] [--fail-on error|warning|info] <file|dir|->...
       netpol-canvas explain <src> <dst> [--protocol P] [--port N] <file|dir|->...

Lists the connections Kubernetes NetworkPolicies allow between the workloads
in the given manifests (directories are read recursively: .yaml, .yml, .json;
'-' reads standard input). txt output equals netpol-analyzer's 'list' output.
Invalid manifests are reported on stderr (file:line:column) with exit code 1;
the list still shows what the valid objects allow (--no-keep-going: no list).
Inputs that cannot be read (a FIFO, a device, a dangling symlink, a binary
file, over 16 MiB) are skipped with a message and exit code 1. --strict also
fails on names the API server would reject. --exposure (txt only) appends
netpol-analyzer's exposure analysis after a blank line: what each workload is
open to beyond the workloads listed (any pod, pods a rule names that the
manifests lack, addresses), as 'list --exposure' prints it.
`;

/** `file:line:column: severity: object path: message`, the form editors and CI link to, on one line: control characters from the input are escaped. */
export function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.line, issue.column].filter((x) => x !== undefined).join(':');
  const subject = [issue.object, issue.path].filter(Boolean).join(' ');
  return escapeControls(`${where}: ${issue.severity}: ${subject ? `${subject}: ` : ''}${issue.message}`);
}

/** What a terminal may receive: every control character but the line feeds the output is made of, escaped visibly. */
function terminalSafe(result: CliResult): CliResult {
  return { ...result, stdout: escapeControls(result.stdout, true), stderr: escapeControls(result.stderr, true) };
}

interface AnalyzeArgs {
  format: Format;
  verbose: boolean;
  /** Names the API server would reject fail the run (they are warnings otherwise). */
  isStrict: boolean;
  /** Print what the valid objects allow even when others are invalid (the default). */
  isKeepGoing: boolean;
  /** Append netpol-analyzer's exposure analysis (txt only). */
  isExposure: boolean;
  paths: string[];
}

function parseArgs(argv: readonly string[]): AnalyzeArgs | string {
  let format: Format = 'txt';
  let verbose = false;
  let isStrict = false;
  let isKeepGoing = true;
  let isExposure = false;
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
    else if (arg === '--strict') isStrict = true;
    else if (arg === '--keep-going') isKeepGoing = true;
    else if (arg === '--no-keep-going') isKeepGoing = false;
    else if (arg === '--exposure') isExposure = true;
    else if (arg.startsWith('-') && arg !== '-') return `unknown option ${arg}`;
    else paths.push(arg);
  }
  if (isExposure && format !== 'txt') return `--exposure prints txt only, not ${format}`;
  return paths.length === 0 ? 'no input given' : { format, verbose, isStrict, isKeepGoing, isExposure, paths };
}

/** Runs the analysis CLI on arguments; never throws for bad input, and writes no control character from the input. */
export function runAnalyze(argv: readonly string[], readStdin: () => string | undefined): CliResult {
  if (argv[0] === 'diff') return terminalSafe(runDiff(argv.slice(1), readStdin));
  if (argv[0] === 'lint') return terminalSafe(runLint(argv.slice(1), readStdin));
  if (argv[0] === 'explain') return terminalSafe(runExplain(argv.slice(1), readStdin));
  if (argv.includes('--help') || argv.includes('-h')) return { stdout: USAGE, stderr: '', code: 0 };
  const args = parseArgs(argv);
  if (typeof args === 'string') return terminalSafe({ stdout: '', stderr: `netpol-canvas: ${args}\n${USAGE}`, code: 2 });
  const { exposure, ...result } = analyzeInputs(args, readStdin);
  const safe = terminalSafe(result);
  // The exposure section escapes the names it prints itself: its tabs are its own.
  return exposure === '' ? safe : { ...safe, stdout: `${safe.stdout}${safe.stdout === '' ? '' : '\n'}${exposure}` };
}

/**
 * 1. Reads what can be read (the rest is reported and fails the run), 2. analyses it, 3. reports the issues (with
 * `--strict`, names the API server would reject as errors), 4. lists what the valid objects allow, unless there were
 * errors and `--no-keep-going` was given, 5. with `--exposure`, makes the exposure section to print after the list.
 */
function analyzeInputs(args: AnalyzeArgs, readStdin: () => string | undefined): CliResult & { exposure: string } {
  const { files, skipped } = readInputs(args.paths, readStdin);
  const result = analyze(files);
  const issues = result.issues.map((i) => (args.isStrict && i.severity === 'warning' && REJECTED_NAME_CODES.includes(i.code) ? { ...i, severity: 'error' as const } : i));
  const shown = issues.filter((i) => args.verbose || i.severity !== 'info');
  const errors = issues.filter((i) => i.severity === 'error').length;
  const lines = [...skipped.map((line) => `netpol-canvas: ${line}`), ...shown.map(formatIssue)];
  const isFailed = errors > 0 || skipped.length > 0;
  const isListed = !isFailed || (args.isKeepGoing && files.length > 0);
  if (isFailed && isListed) lines.push(`netpol-canvas: ${[skipped.length > 0 ? `${skipped.length} input(s) skipped` : '', errors > 0 ? `${errors} error(s)` : ''].filter(Boolean).join(', ')}; the list shows what the rest allows`);
  const stderr = lines.map((line) => `${line}\n`).join('');
  const exposure = isListed && args.isExposure ? formatExposureTxt(exposureAnalysis(result.model, result.evaluation)) : '';
  return { stdout: isListed ? formatConnlist(args.format, result.connections) : '', stderr, code: isFailed ? 1 : 0, exposure };
}

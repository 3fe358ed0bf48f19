import { analyze, lintModel, type Issue, type Lint, type Model, type Severity } from '../engine';
import type { CliResult } from './runAnalyze';
import { readInputs } from './readInputs';

/** Usage text of `lint`. */
export const LINT_USAGE = `usage: netpol-canvas lint [--format txt|json|sarif] [--fail-on error|warning|info] <file|dir|->...

Prints the app's findings (likely mistakes across all policies) and the
manifests' validation issues, with file:line:column. Exits with code 1 when
one is at least as severe as --fail-on (default: error).
`;

const FORMATS = ['txt', 'json', 'sarif'] as const;
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** One finding or validation issue with where it is written. */
interface Finding {
  code: string;
  severity: Severity;
  message: string;
  objects: string[];
  file?: string;
  line?: number;
  column?: number;
}

/** Where the first object of a finding that the input declares is written. */
function locate(model: Model, lint: Lint): Pick<Finding, 'file' | 'line' | 'column'> {
  for (const id of lint.objects) {
    const source = id.startsWith('ns:') ? model.namespaces.find((n) => n.name === id.slice(3))?.source : (model.policies.find((p) => p.id === id) ?? model.clusterPolicies.find((p) => p.id === id) ?? model.workloads.find((w) => w.id === id))?.source;
    if (source) return { file: source.file, line: source.line, column: source.column };
  }
  return {};
}

const fromIssue = (issue: Issue): Finding => ({ code: issue.code, severity: issue.severity, message: `${issue.object ? `${issue.object} ` : ''}${issue.path ? `${issue.path}: ` : ''}${issue.message}`, objects: [], file: issue.file, line: issue.line, column: issue.column });

function sarif(findings: readonly Finding[]): unknown {
  const codes = [...new Set(findings.map((f) => f.code))];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'netpol-canvas', rules: codes.map((id) => ({ id })) } },
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: codes.indexOf(f.code),
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          ...(f.file
            ? { locations: [{ physicalLocation: { artifactLocation: { uri: f.file.replace(/\\/g, '/') }, ...(f.line !== undefined ? { region: { startLine: f.line, ...(f.column !== undefined ? { startColumn: f.column } : {}) } } : {}) } }] }
            : {}),
        })),
      },
    ],
  };
}

/** Runs `lint`: findings and validation issues as txt, json or SARIF 2.1.0; the exit code follows `--fail-on`. */
export function runLint(argv: readonly string[], readStdin: () => string | undefined): CliResult {
  let format = 'txt';
  let failOn: string = 'error';
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s) : [argv[i], undefined];
    if (flag === '--format' || flag === '-o') format = inline ?? argv[++i] ?? '';
    else if (flag === '--fail-on') failOn = inline ?? argv[++i] ?? '';
    else if (flag === '--help' || flag === '-h') return { stdout: LINT_USAGE, stderr: '', code: 0 };
    else if (flag.startsWith('-') && flag !== '-') return { stdout: '', stderr: `netpol-canvas: unknown option ${flag}\n${LINT_USAGE}`, code: 2 };
    else paths.push(argv[i]);
  }
  if (!(FORMATS as readonly string[]).includes(format)) return { stdout: '', stderr: `netpol-canvas: lint formats are ${FORMATS.join(', ')}, not "${format}"\n${LINT_USAGE}`, code: 2 };
  if (!(SEVERITIES as readonly string[]).includes(failOn)) return { stdout: '', stderr: `netpol-canvas: --fail-on takes ${SEVERITIES.join(', ')}, not "${failOn}"\n${LINT_USAGE}`, code: 2 };
  if (paths.length === 0) return { stdout: '', stderr: `netpol-canvas: no input given\n${LINT_USAGE}`, code: 2 };
  // Inputs that cannot be read are reported and fail the run; the rest is linted.
  const { files, skipped } = readInputs(paths, readStdin);
  const skippedLines = skipped.map((line) => `netpol-canvas: ${line}
`).join('');
  // The app's analysis: workloads inferred from selectors, so the findings are the Findings list's.
  const analysis = analyze(files, { inferWorkloads: true });
  const findings: Finding[] = [...analysis.issues.map(fromIssue), ...lintModel(analysis.model, analysis.evaluation).map((lint) => ({ code: lint.code, severity: lint.severity, message: lint.message, objects: lint.objects, ...locate(analysis.model, lint) }))];
  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  const code = skipped.length > 0 || findings.some((f) => rank(f.severity) <= rank(failOn as Severity)) ? 1 : 0;
  if (format === 'sarif') return { stdout: `${JSON.stringify(sarif(findings), null, 2)}\n`, stderr: skippedLines, code };
  if (format === 'json') return { stdout: `${JSON.stringify(findings, null, 2)}\n`, stderr: skippedLines, code };
  const lines = findings.map((f) => `${[f.file ?? '-', f.line, f.column].filter((x) => x !== undefined).join(':')}: ${f.severity}: ${f.code}: ${f.message}\n`);
  return { stdout: lines.join(''), stderr: skippedLines, code };
}

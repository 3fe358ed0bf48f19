import { analyze, type Analysis } from '../analyze';
import { formatConnSet } from '../evaluate/connSet';

/** Test support: analyses one YAML text given as a file named `cluster.yaml`. */
export function analyzeYaml(text: string): Analysis {
  return analyze([{ name: 'cluster.yaml', text }]);
}

/** Test support: the error issues of an analysis as `path: message` lines (empty when the input is valid). */
export function errorsOf(analysis: Analysis): string[] {
  return analysis.issues.filter((i) => i.severity === 'error').map((i) => `${i.object ?? ''} ${i.path ?? ''}: ${i.message}`);
}

/**
 * Test support: the verdict table of a YAML text, `'src => dst'` → connection string
 * (`All Connections`, `TCP 8080`, …); a pair that is absent is denied. Throws when the
 * input has error issues, so that a rejected object never makes a test pass vacuously.
 */
export function verdicts(text: string): Map<string, string> {
  const analysis = analyzeYaml(text);
  const errors = errorsOf(analysis);
  if (errors.length > 0) throw new Error(`test input has errors:\n${errors.join('\n')}`);
  return new Map(analysis.connections.map((c) => [`${c.src} => ${c.dst}`, formatConnSet(c.conns)]));
}

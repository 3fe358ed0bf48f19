import type { Labels } from '../model/types';
import { finding, type Finding } from './finding';
import { labelValueErrors } from './labelValueErrors';
import { qualifiedNameErrors } from './qualifiedNameErrors';
import { quoteValue } from './quoteValue';

/** Label keys and values already found valid: clusters repeat a few thousand of them. */
const validKeys = new Set<string>();
const validValues = new Set<string>();

/**
 * Checks every key of a label map (`metadata.labels`, `matchLabels`) is a
 * qualified name and every value a label value, reporting at the map's path
 * (as the API server does) and pointing at the offending key.
 */
export function validateLabels(labels: Labels, path: string): Finding[] {
  const findings: Finding[] = [];
  for (const [key, value] of Object.entries(labels)) {
    if (validKeys.has(key) && validValues.has(value)) continue;
    const at = `${path}.${key}`;
    const keyErrors = qualifiedNameErrors(key);
    if (keyErrors.length > 0) {
      findings.push(finding(path, 'label-key', `${quoteValue(key)} is not a valid label key: ${keyErrors.join('; ')}`, { at }));
    } else validKeys.add(key);
    const valueErrors = labelValueErrors(value);
    if (valueErrors.length === 0) validValues.add(value);
    else {
      findings.push(finding(path, 'label-value', `${quoteValue(value)} (label ${quoteValue(key)}) is not a valid label value: ${valueErrors.join('; ')}`, { at }));
    }
  }
  return findings;
}

import { finding, type Finding } from './finding';
import { labelValueErrors } from './labelValueErrors';
import { qualifiedNameErrors } from './qualifiedNameErrors';
import { quoteValue } from './quoteValue';

/** A `matchExpressions` item as written; the operator may be unknown (decode reports that). */
export interface RawRequirement {
  key: string;
  operator: string;
  values: readonly string[];
}

/**
 * Checks one `matchExpressions` item like `ValidateLabelSelectorRequirement`:
 * the key is a qualified name, `In`/`NotIn` have a non-empty `values`,
 * `Exists`/`DoesNotExist` have none, and every value is a label value.
 */
export function validateSelectorRequirement(req: RawRequirement, path: string): Finding[] {
  const findings: Finding[] = [];
  const keyErrors = qualifiedNameErrors(req.key);
  if (keyErrors.length > 0) {
    findings.push(finding(`${path}.key`, 'selector-key', `${quoteValue(req.key)} is not a valid label key: ${keyErrors.join('; ')}`));
  }
  if ((req.operator === 'In' || req.operator === 'NotIn') && req.values.length === 0) {
    findings.push(finding(`${path}.values`, 'selector-values-required', `must list at least one value when operator is ${req.operator}`));
  }
  if ((req.operator === 'Exists' || req.operator === 'DoesNotExist') && req.values.length > 0) {
    findings.push(finding(`${path}.values`, 'selector-values-forbidden', `must be empty when operator is ${req.operator} (it only tests whether key ${quoteValue(req.key)} is present)`));
  }
  req.values.forEach((value, i) => {
    const errors = labelValueErrors(value);
    if (errors.length > 0) {
      findings.push(finding(`${path}.values[${i}]`, 'selector-value', `${quoteValue(value)} is not a valid label value: ${errors.join('; ')}`));
    }
  });
  return findings;
}

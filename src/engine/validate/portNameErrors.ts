/**
 * What makes `value` not an IANA_SVC_NAME, the syntax of named ports (Kubernetes
 * `IsValidPortName`): at most 15 characters of `[a-z0-9-]`, at least one letter,
 * no leading or trailing `-` and no `--`; empty when it is one.
 */
export function portNameErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 15) errors.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(value)) errors.push('must contain only lower case alphanumeric characters (a-z, 0-9) and hyphens (-)');
  if (!/[a-z]/.test(value)) errors.push('must contain at least one letter (a-z)');
  if (value.includes('--')) errors.push('must not contain consecutive hyphens');
  if (value.startsWith('-') || value.endsWith('-')) errors.push('must not begin or end with a hyphen');
  return errors;
}

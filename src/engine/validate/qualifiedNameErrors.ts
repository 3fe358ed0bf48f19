import { dns1123SubdomainErrors } from './dns1123Errors';

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const NAME_PART_SYNTAX = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', 'my.name' or '123-abc')";

/**
 * What makes `value` not a qualified name, the syntax of label keys and selector
 * keys (Kubernetes `IsQualifiedName`): an optional DNS-1123 subdomain prefix and
 * `/`, then a name part of at most 63 characters; empty when it is one.
 */
export function qualifiedNameErrors(value: string): string[] {
  const errors: string[] = [];
  const parts = value.split('/');
  if (parts.length > 2) {
    return [`a qualified name ${NAME_PART_SYNTAX}, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName'); it may hold only one '/'`];
  }
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix === '') errors.push('prefix part must be non-empty');
    else errors.push(...dns1123SubdomainErrors(prefix).map((e) => `prefix part ${e}`));
  }
  if (name === '') errors.push('name part must be non-empty');
  else {
    if (name.length > 63) errors.push('name part must be no more than 63 characters');
    if (!QUALIFIED_NAME.test(name)) errors.push(`name part ${NAME_PART_SYNTAX}`);
  }
  return errors;
}

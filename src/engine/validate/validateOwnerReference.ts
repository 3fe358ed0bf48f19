import { dns1123SubdomainErrors } from './dns1123Errors';
import { finding, type Finding } from './finding';
import { quoteValue } from './quoteValue';

/** A Kubernetes kind as the API names types: a letter, then letters and digits (`StatefulSet`). */
const KIND = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * Checks the `kind` and `name` of the controller owner a Pod is named after, as warnings like the Pod's own name: the
 * API server rejects an empty one ("kind must not be empty", "name must not be empty"), and an owner is an object
 * whose name is a DNS-1123 subdomain and whose kind is a type name. `isUsable` says whether the Pod may still be named
 * after it: an empty kind is taken as `Pod`, as netpol-analyzer does; any other bad kind or name is not used.
 */
export function validateOwnerReference(owner: { kind?: unknown; name?: unknown }, path: string): { findings: Finding[]; isUsable: boolean } {
  const findings: Finding[] = [];
  const warn = { severity: 'warning' } as const;
  const isKindEmpty = owner.kind === undefined || owner.kind === null || owner.kind === '';
  const isKindValid = typeof owner.kind === 'string' && KIND.test(owner.kind);
  if (isKindEmpty) findings.push(finding(`${path}.kind`, 'owner-reference', 'kind must not be empty; the owner is taken to be a Pod', warn));
  else if (!isKindValid) findings.push(finding(`${path}.kind`, 'owner-reference', `${quoteValue(owner.kind)} is not a kind (letters and digits, such as StatefulSet); the Pod keeps its own name`, warn));
  const nameErrors = typeof owner.name !== 'string' || owner.name === '' ? ['name must not be empty'] : dns1123SubdomainErrors(owner.name);
  if (nameErrors.length > 0) findings.push(finding(`${path}.name`, 'owner-reference', `${quoteValue(owner.name ?? '')}: ${nameErrors.join('; ')}; the Pod keeps its own name`, warn));
  return { findings, isUsable: (isKindEmpty || isKindValid) && nameErrors.length === 0 };
}

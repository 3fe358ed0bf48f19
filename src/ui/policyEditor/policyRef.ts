import type { ObjectRef } from '../../engine';

/** The NetworkPolicy a policy selection id (`ns/name`) names. */
export function policyRef(id: string): ObjectRef {
  const slash = id.indexOf('/');
  return { kind: 'NetworkPolicy', namespace: id.slice(0, slash), name: id.slice(slash + 1) };
}

/** The selection id (`ns/name`) of a policy; an empty namespace means `default`. */
export function policyId(namespace: string, name: string): string {
  return `${namespace === '' ? 'default' : namespace}/${name}`;
}

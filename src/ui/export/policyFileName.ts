/** The file name a single policy `ns/name` is saved under: `ns-name.yaml`. */
export function policyFileName(policyId: string): string {
  const slash = policyId.indexOf('/');
  const base = slash < 0 ? policyId : `${policyId.slice(0, slash)}-${policyId.slice(slash + 1)}`;
  return `${base.replace(/[^A-Za-z0-9._-]/g, '_')}.yaml`;
}

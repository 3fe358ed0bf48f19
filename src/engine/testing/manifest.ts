/** The parts of a test Pod beyond its name, namespace and labels, each in YAML flow style. */
export interface PodParts {
  /** The container's ports without the brackets: `{containerPort: 8080, name: http}, {containerPort: 53, protocol: UDP}`. */
  ports?: string;
  /** More fields of the spec: `hostNetwork: true`. */
  spec?: string;
  /** The status: `{podIP: 10.0.0.5}`. */
  status?: string;
}

/** Test support: the YAML documents of Pods, Namespaces and NetworkPolicies, metadata as kubectl writes it and the rest in flow style, so that a test reads as a table. */
export const manifest = {
  /** A Pod with one container; `labels` without the braces: `app: web, tier: front`. */
  pod(name: string, namespace: string, labels = '', { ports, spec, status }: PodParts = {}): string {
    const container = ports === undefined ? '{name: c}' : `{name: c, ports: [${ports}]}`;
    const fields = [...(spec === undefined ? [] : [spec]), `containers: [${container}]`].join(', ');
    const statusLine = status === undefined ? '' : `status: ${status}\n`;
    return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\n  labels: {${labels}}\nspec: {${fields}}\n${statusLine}`;
  },

  /** A Namespace; `labels` without the braces. */
  namespace(name: string, labels = ''): string {
    return `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels: {${labels}}\n`;
  },

  /** A NetworkPolicy; `spec` in flow style (`{podSelector: {}, policyTypes: [Egress]}`) or as block lines indented by two. */
  networkPolicy(name: string, namespace: string, spec: string): string {
    const body = spec.includes('\n') ? `\n${spec.replace(/\n?$/, '\n')}` : ` ${spec}\n`;
    return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:${body}`;
  },
};

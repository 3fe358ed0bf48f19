import { describe, it, expect } from 'vitest';
import { decodeModel } from '../decode/decodeModel';
import type { Model, Severity } from '../model/types';
import { manifest } from '../testing/manifest';

/** YAML text written from its first line (the newline after the backtick is dropped). */
function y(strings: TemplateStringsArray, ...values: unknown[]): string {
  return String.raw({ raw: strings }, ...values).replace(/^\n/, '');
}

/** A valid policy appended to every bad manifest: it must survive its bad neighbour. */
const KEEP = y`
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: keep
  namespace: default
spec:
  podSelector: {}
`;

/** How many copies of `Kind ns/name` (or `Namespace name`) the model holds. */
function countInModel(model: Model, object: string): number {
  const [kind, id] = object.split(' ');
  if (kind === 'Namespace') return model.namespaces.filter((n) => n.name === id && n.isDeclared).length;
  if (kind === 'NetworkPolicy') return model.policies.filter((p) => `${p.namespace}/${p.name}` === id).length;
  return model.workloads.filter((w) => w.id === `${id}[${kind}]`).length;
}

interface BadCase {
  /** The behaviour, read after "rejects". */
  name: string;
  text: string;
  code: string;
  /** Field path relative to the object; absent for file-level issues. */
  path?: string;
  line: number;
  severity?: Severity;
  /** `Kind ns/name` of the rejected object; absent when no object could be formed. */
  object?: string;
  /** Copies of `object` still in the model: 0 for an error, 1 for a warning or a duplicate (the first copy stays). */
  kept?: number;
}

const np = (name: string, spec: string, namespace = 'default') => manifest.networkPolicy(name, namespace, spec);

const cases: BadCase[] = [
  // Structural checks (decode).
  {
    name: 'a YAML syntax error, at its line',
    text: y`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: broken
spec:
  podSelector:
    matchLabels:
      app: web
     tier: db
`,
    code: 'yaml-syntax',
    line: 9,
  },
  {
    name: 'an object without kind, at the top of the object',
    text: y`
apiVersion: networking.k8s.io/v1
metadata:
  name: no-kind
spec:
  podSelector: {}
`,
    code: 'required',
    path: 'kind',
    line: 1,
  },
  {
    name: 'ingress written as a mapping instead of a list, at the ingress line',
    text: y`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: wrong-type
spec:
  podSelector: {}
  ingress:
    from:
    - podSelector: {}
`,
    code: 'invalid-type',
    path: 'spec.ingress',
    line: 7,
    object: 'NetworkPolicy default/wrong-type',
  },
  {
    name: 'an unquoted number as a matchLabels value, at the label line',
    text: y`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: numeric-label
spec:
  podSelector:
    matchLabels:
      version: 2
`,
    code: 'invalid-type',
    path: 'spec.podSelector.matchLabels.version',
    line: 8,
    object: 'NetworkPolicy default/numeric-label',
  },
  {
    name: 'metadata.namespace that is not a string, at the namespace line',
    text: y`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: numeric-namespace
  namespace: 42
spec:
  podSelector: {}
`,
    code: 'invalid-type',
    path: 'metadata.namespace',
    line: 5,
    object: 'NetworkPolicy default/numeric-namespace',
  },
  {
    name: 'an unknown protocol, at the protocol line',
    text: np(
      'icmp',
      y`
  podSelector: {}
  ingress:
  - ports:
    - protocol: ICMP
      port: 80
`,
      'shop',
    ),
    code: 'port-protocol',
    path: 'spec.ingress[0].ports[0].protocol',
    line: 10,
    object: 'NetworkPolicy shop/icmp',
  },
  {
    name: 'an unknown selector operator, at the operator line',
    text: np(
      'bad-operator',
      y`
  podSelector:
    matchExpressions:
    - key: tier
      operator: Equals
      values: [web]
`,
    ),
    code: 'selector-operator',
    path: 'spec.podSelector.matchExpressions[0].operator',
    line: 10,
    object: 'NetworkPolicy default/bad-operator',
  },
  {
    name: 'an unknown policyType, at that list item',
    text: np(
      'bad-type',
      y`
  podSelector: {}
  policyTypes:
  - Ingress
  - Egres
`,
    ),
    code: 'policy-type',
    path: 'spec.policyTypes[1]',
    line: 10,
    object: 'NetworkPolicy default/bad-type',
  },
  {
    name: 'a peer with no fields, at the peer line',
    text: np(
      'empty-peer',
      y`
  podSelector: {}
  ingress:
  - from:
    - {}
`,
    ),
    code: 'peer-empty',
    path: 'spec.ingress[0].from[0]',
    line: 10,
    object: 'NetworkPolicy default/empty-peer',
  },
  {
    name: 'a peer with both ipBlock and podSelector, at the peer line',
    text: np(
      'mixed-peer',
      y`
  podSelector: {}
  policyTypes: [Egress]
  egress:
  - to:
    - ipBlock:
        cidr: 10.0.0.0/8
      podSelector: {}
`,
    ),
    code: 'peer-ipblock-with-selector',
    path: 'spec.egress[0].to[0]',
    line: 11,
    object: 'NetworkPolicy default/mixed-peer',
  },
  {
    name: 'a second object with the same kind, namespace and name, at its name line',
    text: y`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: same
spec:
  podSelector: {}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: same
spec:
  podSelector:
    matchLabels:
      app: api
`,
    code: 'duplicate-name',
    path: 'metadata.name',
    line: 11,
    object: 'NetworkPolicy default/same',
    kept: 1,
  },
  {
    name: 'an object without metadata.name, at its metadata line',
    text: y`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  namespace: shop
spec:
  podSelector: {}
`,
    code: 'required',
    path: 'metadata.name',
    line: 3,
    object: 'NetworkPolicy shop/',
  },

  // Object names (metadata).
  {
    name: 'a NetworkPolicy name with capitals (not a DNS-1123 subdomain), at the name line',
    text: np('AllowWeb', '  podSelector: {}\n'),
    code: 'metadata-name',
    severity: 'warning',
    path: 'metadata.name',
    line: 4,
    object: 'NetworkPolicy default/AllowWeb',
  },
  {
    name: 'a Namespace name with a dot (not a DNS-1123 label), at the name line',
    text: y`
apiVersion: v1
kind: Namespace
metadata:
  name: team.payments
`,
    code: 'metadata-name',
    severity: 'warning',
    path: 'metadata.name',
    line: 4,
    object: 'Namespace team.payments',
  },
  {
    name: 'a Deployment name with an underscore, at the name line',
    text: y`
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web_frontend
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
`,
    code: 'metadata-name',
    severity: 'warning',
    path: 'metadata.name',
    line: 4,
    object: 'Deployment shop/web_frontend',
  },
  {
    name: 'a CronJob name longer than 52 characters, at the name line',
    text: y`
apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${'nightly-report-'.repeat(4)}x
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: report
            image: busybox
`,
    code: 'metadata-name',
    severity: 'warning',
    path: 'metadata.name',
    line: 4,
    object: `CronJob default/${'nightly-report-'.repeat(4)}x`,
  },
  {
    name: 'a metadata.namespace with capitals, at the namespace line',
    text: np('allow-web', '  podSelector: {}\n', 'Shop'),
    code: 'metadata-namespace',
    severity: 'warning',
    path: 'metadata.namespace',
    line: 5,
    object: 'NetworkPolicy Shop/allow-web',
  },

  // Labels and selectors.
  {
    name: 'a namespace label key starting with a dash, at the key line',
    text: y`
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    team: payments
    "-tier": backend
`,
    code: 'label-key',
    path: 'metadata.labels',
    line: 7,
    object: 'Namespace shop',
  },
  {
    name: 'a pod label key whose name part is longer than 63 characters, at the key line',
    text: y`
apiVersion: v1
kind: Pod
metadata:
  name: web-0
  namespace: shop
  labels:
    app: web
    ${'x'.repeat(64)}: "true"
spec:
  containers:
  - name: web
    image: nginx
`,
    code: 'label-key',
    path: 'metadata.labels',
    line: 8,
    object: 'Pod shop/web-0',
  },
  {
    name: 'a template label key whose prefix is not a DNS-1123 subdomain, at the key line',
    text: y`
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        Example.com/tier: frontend
    spec:
      containers:
      - name: web
        image: nginx
`,
    code: 'label-key',
    path: 'spec.template.metadata.labels',
    line: 14,
    object: 'Deployment shop/web',
  },
  {
    name: 'a label key with two slashes, at the key line',
    text: y`
apiVersion: v1
kind: Namespace
metadata:
  name: billing
  labels:
    example.com/team/name: billing
`,
    code: 'label-key',
    path: 'metadata.labels',
    line: 6,
    object: 'Namespace billing',
  },
  {
    name: 'a namespaceSelector key with an empty prefix, at the key line',
    text: np(
      'from-monitoring',
      y`
  podSelector: {}
  ingress:
  - from:
    - namespaceSelector:
        matchLabels:
          /team: monitoring
`,
    ),
    code: 'label-key',
    path: 'spec.ingress[0].from[0].namespaceSelector.matchLabels',
    line: 12,
    object: 'NetworkPolicy default/from-monitoring',
  },
  {
    name: 'a namespace label value longer than 63 characters, at the label line',
    text: y`
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    description: ${'a'.repeat(64)}
`,
    code: 'label-value',
    path: 'metadata.labels',
    line: 6,
    object: 'Namespace shop',
  },
  {
    name: 'a StatefulSet template label value with a space, at the label line',
    text: y`
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  namespace: shop
spec:
  serviceName: db
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
        tier: "back end"
    spec:
      containers:
      - name: db
        image: postgres
`,
    code: 'label-value',
    path: 'spec.template.metadata.labels',
    line: 15,
    object: 'StatefulSet shop/db',
  },
  {
    name: 'a podSelector matchLabels value with a slash, at the label line',
    text: np(
      'web-v2',
      y`
  podSelector:
    matchLabels:
      app: web/v2
`,
    ),
    code: 'label-value',
    path: 'spec.podSelector.matchLabels',
    line: 9,
    object: 'NetworkPolicy default/web-v2',
  },
  {
    name: 'a matchExpressions key with a space, at the key line',
    text: np(
      'bad-key',
      y`
  podSelector:
    matchExpressions:
    - key: app name
      operator: Exists
`,
    ),
    code: 'selector-key',
    path: 'spec.podSelector.matchExpressions[0].key',
    line: 9,
    object: 'NetworkPolicy default/bad-key',
  },
  {
    name: 'an In requirement without values, at the requirement line',
    text: np(
      'in-nothing',
      y`
  podSelector:
    matchExpressions:
    - key: tier
      operator: In
`,
    ),
    code: 'selector-values-required',
    path: 'spec.podSelector.matchExpressions[0].values',
    line: 9,
    object: 'NetworkPolicy default/in-nothing',
  },
  {
    name: 'a NotIn requirement with an empty values list, at the values line',
    text: np(
      'notin-nothing',
      y`
  podSelector: {}
  ingress:
  - from:
    - podSelector:
        matchExpressions:
        - key: tier
          operator: NotIn
          values: []
`,
    ),
    code: 'selector-values-required',
    path: 'spec.ingress[0].from[0].podSelector.matchExpressions[0].values',
    line: 14,
    object: 'NetworkPolicy default/notin-nothing',
  },
  {
    name: 'an Exists requirement with values, at the values line',
    text: np(
      'exists-with-values',
      y`
  podSelector:
    matchExpressions:
    - key: tier
      operator: Exists
      values: [web]
`,
    ),
    code: 'selector-values-forbidden',
    path: 'spec.podSelector.matchExpressions[0].values',
    line: 11,
    object: 'NetworkPolicy default/exists-with-values',
  },
  {
    name: 'a DoesNotExist requirement with values, at the values line',
    text: np(
      'absent-with-values',
      y`
  podSelector:
    matchExpressions:
    - key: tier
      operator: DoesNotExist
      values:
      - web
`,
    ),
    code: 'selector-values-forbidden',
    path: 'spec.podSelector.matchExpressions[0].values',
    line: 11,
    object: 'NetworkPolicy default/absent-with-values',
  },
  {
    name: 'a matchExpressions value that is not a label value, at that value line',
    text: np(
      'bad-value',
      y`
  podSelector:
    matchExpressions:
    - key: tier
      operator: In
      values:
      - web
      - -api
`,
    ),
    code: 'selector-value',
    path: 'spec.podSelector.matchExpressions[0].values[1]',
    line: 13,
    object: 'NetworkPolicy default/bad-value',
  },

  // ipBlock.
  {
    name: 'a cidr with a /33 prefix, at the cidr line',
    text: np(
      'bad-prefix',
      y`
  podSelector: {}
  ingress:
  - from:
    - ipBlock:
        cidr: 10.0.0.0/33
`,
    ),
    code: 'ipblock-cidr',
    path: 'spec.ingress[0].from[0].ipBlock.cidr',
    line: 11,
    object: 'NetworkPolicy default/bad-prefix',
  },
  {
    name: 'a cidr that is a bare address without a prefix length, at the cidr line',
    text: np(
      'bare-address',
      y`
  podSelector: {}
  policyTypes: [Egress]
  egress:
  - to:
    - ipBlock:
        cidr: 192.168.1.10
`,
    ),
    code: 'ipblock-cidr',
    path: 'spec.egress[0].to[0].ipBlock.cidr',
    line: 12,
    object: 'NetworkPolicy default/bare-address',
  },
  {
    name: 'an ipBlock whose cidr is an empty string, at the cidr line',
    text: np(
      'empty-cidr',
      y`
  podSelector: {}
  ingress:
  - from:
    - ipBlock:
        cidr: ""
`,
    ),
    code: 'required',
    path: 'spec.ingress[0].from[0].ipBlock.cidr',
    line: 11,
    object: 'NetworkPolicy default/empty-cidr',
  },
  {
    name: 'an ipBlock with except but no cidr, at the ipBlock line',
    text: np(
      'no-cidr',
      y`
  podSelector: {}
  ingress:
  - from:
    - ipBlock:
        except: [10.1.0.0/16]
`,
    ),
    code: 'required',
    path: 'spec.ingress[0].from[0].ipBlock.cidr',
    line: 10,
    object: 'NetworkPolicy default/no-cidr',
  },
  {
    name: 'an except that is not a CIDR, at the except line',
    text: np(
      'bad-except',
      y`
  podSelector: {}
  ingress:
  - from:
    - ipBlock:
        cidr: 10.0.0.0/8
        except:
        - 10.1.0.0/16
        - 10.2.0.0/40
`,
    ),
    code: 'ipblock-except-cidr',
    path: 'spec.ingress[0].from[0].ipBlock.except[1]',
    line: 14,
    object: 'NetworkPolicy default/bad-except',
  },
  {
    name: 'an except that is not strictly inside its cidr, at the except line',
    text: np(
      'wide-except',
      y`
  podSelector: {}
  ingress:
  - from:
    - podSelector: {}
    - ipBlock:
        cidr: 10.1.0.0/16
        except:
        - 10.0.0.0/8
`,
    ),
    code: 'ipblock-except-outside',
    path: 'spec.ingress[0].from[1].ipBlock.except[0]',
    line: 14,
    object: 'NetworkPolicy default/wide-except',
  },
  {
    name: 'an except equal to its cidr, at the except line',
    text: np(
      'whole-except',
      y`
  podSelector: {}
  ingress:
  - from:
    - ipBlock:
        cidr: 172.16.0.0/12
        except: [172.16.0.0/12]
`,
    ),
    code: 'ipblock-except-outside',
    path: 'spec.ingress[0].from[0].ipBlock.except[0]',
    line: 12,
    object: 'NetworkPolicy default/whole-except',
  },
  {
    name: 'an IPv6 except under an IPv4 cidr, at the except line',
    text: np(
      'mixed-family',
      y`
  podSelector: {}
  ingress:
  - from:
    - ipBlock:
        cidr: 0.0.0.0/0
        except:
        - 2001:db8::/32
`,
    ),
    code: 'ipblock-except-outside',
    path: 'spec.ingress[0].from[0].ipBlock.except[0]',
    line: 13,
    object: 'NetworkPolicy default/mixed-family',
  },

  // Policy ports.
  {
    name: 'port 0, at the port line',
    text: np(
      'port-zero',
      y`
  podSelector: {}
  ingress:
  - ports:
    - port: 0
`,
    ),
    code: 'port-number',
    path: 'spec.ingress[0].ports[0].port',
    line: 10,
    object: 'NetworkPolicy default/port-zero',
  },
  {
    name: 'port 70000, at the port line',
    text: np(
      'port-too-big',
      y`
  podSelector: {}
  ingress:
  - ports:
    - protocol: UDP
      port: 53
    - protocol: UDP
      port: 70000
`,
    ),
    code: 'port-number',
    path: 'spec.ingress[0].ports[1].port',
    line: 13,
    object: 'NetworkPolicy default/port-too-big',
  },
  {
    name: 'a fractional port number, at the port line',
    text: np(
      'port-fraction',
      y`
  podSelector: {}
  ingress:
  - ports:
    - port: 80.5
`,
    ),
    code: 'port-number',
    path: 'spec.ingress[0].ports[0].port',
    line: 10,
    object: 'NetworkPolicy default/port-fraction',
  },
  {
    name: 'a named port longer than 15 characters, at the port line',
    text: np(
      'long-name',
      y`
  podSelector: {}
  ingress:
  - ports:
    - port: metrics-exporter-http
`,
    ),
    code: 'port-name',
    path: 'spec.ingress[0].ports[0].port',
    line: 10,
    object: 'NetworkPolicy default/long-name',
  },
  {
    name: 'a named port with capitals, at the port line',
    text: np(
      'upper-name',
      y`
  podSelector: {}
  policyTypes: [Egress]
  egress:
  - ports:
    - port: HTTP
`,
    ),
    code: 'port-name',
    path: 'spec.egress[0].ports[0].port',
    line: 11,
    object: 'NetworkPolicy default/upper-name',
  },
  {
    name: 'a quoted number as port (a name with no letter), at the port line',
    text: np(
      'quoted-port',
      y`
  podSelector: {}
  ingress:
  - ports:
    - port: "8080"
`,
    ),
    code: 'port-name',
    path: 'spec.ingress[0].ports[0].port',
    line: 10,
    object: 'NetworkPolicy default/quoted-port',
  },
  {
    name: 'a named port with consecutive hyphens, at the port line',
    text: np(
      'double-dash',
      y`
  podSelector: {}
  ingress:
  - ports:
    - port: http--alt
`,
    ),
    code: 'port-name',
    path: 'spec.ingress[0].ports[0].port',
    line: 10,
    object: 'NetworkPolicy default/double-dash',
  },
  {
    name: 'a named port ending with a hyphen, at the port line',
    text: np(
      'trailing-dash',
      y`
  podSelector: {}
  ingress:
  - ports:
    - port: http-
`,
    ),
    code: 'port-name',
    path: 'spec.ingress[0].ports[0].port',
    line: 10,
    object: 'NetworkPolicy default/trailing-dash',
  },
  {
    name: 'endPort with a named port, at the endPort line',
    text: np(
      'named-range',
      y`
  podSelector: {}
  ingress:
  - ports:
    - port: http
      endPort: 8090
`,
    ),
    code: 'end-port-named-port',
    path: 'spec.ingress[0].ports[0].endPort',
    line: 11,
    object: 'NetworkPolicy default/named-range',
  },
  {
    name: 'endPort without port, at the endPort line',
    text: np(
      'open-range',
      y`
  podSelector: {}
  ingress:
  - ports:
    - protocol: TCP
      endPort: 8090
`,
    ),
    code: 'end-port-without-port',
    path: 'spec.ingress[0].ports[0].endPort',
    line: 11,
    object: 'NetworkPolicy default/open-range',
  },
  {
    name: 'endPort below port, at the endPort line',
    text: np(
      'reversed-range',
      y`
  podSelector: {}
  ingress:
  - ports:
    - port: 9000
      endPort: 8000
`,
    ),
    code: 'end-port-below-port',
    path: 'spec.ingress[0].ports[0].endPort',
    line: 11,
    object: 'NetworkPolicy default/reversed-range',
  },
  {
    name: 'endPort above 65535, at the endPort line',
    text: np(
      'huge-range',
      y`
  podSelector: {}
  ingress:
  - ports:
    - port: 30000
      endPort: 70000
`,
    ),
    code: 'end-port-number',
    path: 'spec.ingress[0].ports[0].endPort',
    line: 11,
    object: 'NetworkPolicy default/huge-range',
  },
  {
    name: 'more than two policyTypes, at the policyTypes line',
    text: np(
      'three-types',
      y`
  podSelector: {}
  policyTypes: [Ingress, Egress, Ingress]
`,
    ),
    code: 'policy-types-count',
    path: 'spec.policyTypes',
    line: 8,
    object: 'NetworkPolicy default/three-types',
  },

  // Container ports and workload selectors.
  {
    name: 'a containerPort of 70000, at the containerPort line',
    text: y`
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: api
        image: api:1.0
        ports:
        - containerPort: 70000
`,
    code: 'container-port-number',
    path: 'spec.template.spec.containers[0].ports[0].containerPort',
    line: 19,
    object: 'Deployment shop/api',
  },
  {
    name: 'a container port name with an underscore, at the name line',
    text: y`
apiVersion: v1
kind: Pod
metadata:
  name: api-0
  namespace: shop
spec:
  containers:
  - name: api
    image: api:1.0
    ports:
    - containerPort: 8080
      name: http
    - containerPort: 8443
      name: https_alt
`,
    code: 'container-port-name',
    path: 'spec.containers[0].ports[1].name',
    line: 14,
    object: 'Pod shop/api-0',
  },
  {
    name: 'two ports of one container with the same name, at the second name line',
    text: y`
apiVersion: v1
kind: Pod
metadata:
  name: api-1
  namespace: shop
spec:
  containers:
  - name: sidecar
    image: envoy
  - name: api
    image: api:1.0
    ports:
    - name: http
      containerPort: 8080
    - name: http
      containerPort: 8081
`,
    code: 'container-port-name-duplicate',
    path: 'spec.containers[1].ports[1].name',
    line: 15,
    object: 'Pod shop/api-1',
  },
  {
    name: 'a Deployment whose selector does not match its template labels, at the template labels line',
    text: y`
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: frontend
    spec:
      containers:
      - name: web
        image: nginx
`,
    code: 'workload-selector-mismatch',
    severity: 'warning',
    path: 'spec.template.metadata.labels',
    line: 12,
    object: 'Deployment shop/web',
  },
  {
    name: 'an apps/v1 DaemonSet without a selector, at the spec line',
    text: y`
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
  namespace: kube-system
spec:
  template:
    metadata:
      labels:
        app: node-agent
    spec:
      containers:
      - name: agent
        image: agent:2
`,
    code: 'workload-selector-required',
    severity: 'warning',
    path: 'spec.selector',
    line: 6,
    object: 'DaemonSet kube-system/node-agent',
  },
  {
    name: 'an apps/v1 ReplicaSet with an empty selector, at the selector line',
    text: y`
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: cache
  namespace: shop
spec:
  selector: {}
  template:
    metadata:
      labels:
        app: cache
    spec:
      containers:
      - name: redis
        image: redis
`,
    code: 'workload-selector-empty',
    severity: 'warning',
    path: 'spec.selector',
    line: 7,
    object: 'ReplicaSet shop/cache',
  },
  // Hostile input (issue 10): a value that is no string, keys that are prototype names, forged owners.
  {
    name: 'a selector value that is a mapping with its own toString (it used to throw), at the value',
    text: np('to-string', '  podSelector:\n    matchExpressions: [{key: app, operator: In, values: [{toString: x}]}]\n'),
    code: 'invalid-type',
    path: 'spec.podSelector.matchExpressions[0].values[0]',
    line: 8,
    object: 'NetworkPolicy default/to-string',
  },
  {
    name: 'a __proto__ label key (it used to vanish, leaving a selector that matches everything), at the key',
    text: np('proto', '  podSelector:\n    matchLabels:\n      app: web\n      __proto__: trusted\n'),
    code: 'label-key',
    path: 'spec.podSelector.matchLabels',
    line: 10,
    object: 'NetworkPolicy default/proto',
  },
  {
    name: 'a Pod named after a controller owner whose name the API server would not hold, at the name',
    text: y`
apiVersion: v1
kind: Pod
metadata:
  name: web-0
  namespace: shop
  ownerReferences:
  - {apiVersion: apps/v1, kind: StatefulSet, uid: u1, controller: true,
     name: "web\\u001b[2J"}
spec: {containers: [{name: c, image: nginx}]}
`,
    code: 'owner-reference',
    severity: 'warning',
    path: 'metadata.ownerReferences[0].name',
    line: 8,
    object: 'Pod shop/web-0',
  },
];

describe('bad input: every API-server rule is reported with its field path and line', () => {
  it('covers at least 30 rules that reject the object', () => {
    expect(cases.filter((c) => (c.severity ?? 'error') === 'error').length).toBeGreaterThanOrEqual(30);
  });

  for (const c of cases) {
    it(`${(c.severity ?? 'error') === 'error' ? 'rejects' : 'warns about, but keeps,'} ${c.name}`, () => {
      const { model, issues, invalidObjects } = decodeModel([{ name: 'bad.yaml', text: c.text + KEEP }]);
      const issue = issues.find((i) => i.code === c.code);
      expect(issue, JSON.stringify(issues, null, 2)).toBeDefined();
      expect(issue).toMatchObject({ severity: c.severity ?? 'error', file: 'bad.yaml', line: c.line });
      expect(issue?.path).toBe(c.path);
      expect(issue?.column).toBeGreaterThan(0);
      if (c.object) {
        const isError = (c.severity ?? 'error') === 'error';
        expect(issue?.object).toBe(c.object);
        expect(invalidObjects.has(c.object)).toBe(isError);
        expect(countInModel(model, c.object)).toBe(c.kept ?? (isError ? 0 : 1));
      }
      expect(countInModel(model, 'NetworkPolicy default/keep')).toBe(1);
      expect(invalidObjects.has('NetworkPolicy default/keep')).toBe(false);
      expect(issues.filter((i) => i.object === 'NetworkPolicy default/keep')).toEqual([]);
    });
  }

  it('reports an except outside its cidr in words a person can act on', () => {
    const wide = cases.find((c) => c.code === 'ipblock-except-outside');
    const { issues } = decodeModel([{ name: 'bad.yaml', text: wide?.text ?? '' }]);
    expect(issues.find((i) => i.code === 'ipblock-except-outside')?.message).toBe(
      'spec.ingress[0].from[1].ipBlock.except[0]: 10.0.0.0/8 is not strictly inside cidr 10.1.0.0/16',
    );
  });

  it('points a bad label key inside a List at the key line and gives the path relative to the item', () => {
    const text = y`
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Namespace
  metadata:
    name: ok
- apiVersion: v1
  kind: Namespace
  metadata:
    name: shop
    labels:
      "bad key": x
`;
    const { model, issues, invalidObjects } = decodeModel([{ name: 'bad.yaml', text }]);
    expect(issues).toMatchObject([{ code: 'label-key', path: 'metadata.labels', line: 13, object: 'Namespace shop' }]);
    expect([...invalidObjects]).toEqual(['Namespace shop']);
    expect(model.namespaces.map((n) => n.name)).toEqual(['ok']);
  });
});

interface ValidEdge {
  name: string;
  text: string;
}

const validEdges: ValidEdge[] = [
  {
    name: 'accepts an empty label value',
    text: y`
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    audited: ""
`,
  },
  {
    name: 'accepts label keys with a DNS prefix and a 63-character name part',
    text: y`
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    app.kubernetes.io/name: shop
    example.com/${'n'.repeat(63)}: "yes"
    Team_Name.v2: Payments_EU-1
`,
  },
  {
    name: 'accepts endPort equal to port, port 65535 and a 15-character port name',
    text: np(
      'single-port-range',
      y`
  podSelector: {}
  ingress:
  - ports:
    - port: 8080
      endPort: 8080
    - port: 65535
    - port: metrics-http-v2
`,
    ),
  },
  {
    name: 'accepts an IPv6 cidr with an IPv6 except strictly inside it',
    text: np(
      'ipv6',
      y`
  podSelector: {}
  policyTypes: [Egress]
  egress:
  - to:
    - ipBlock:
        cidr: 2001:db8::/32
        except:
        - 2001:db8:1::/48
`,
    ),
  },
  {
    name: 'accepts policyTypes listing the same type twice (the API server only limits the count to two)',
    text: np('twice', '  podSelector: {}\n  policyTypes: [Ingress, Ingress]\n'),
  },
  {
    name: 'accepts a Deployment whose matchExpressions selector matches its template labels',
    text: y`
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels:
    app.kubernetes.io/part-of: shop
spec:
  selector:
    matchExpressions:
    - key: app
      operator: In
      values: [web, www]
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
        ports:
        - name: http
          containerPort: 80
        - name: metrics
          containerPort: 9090
`,
  },
];

describe('valid edge cases produce no error or warning', () => {
  for (const c of validEdges) {
    it(c.name, () => {
      const { model, issues, invalidObjects } = decodeModel([{ name: 'ok.yaml', text: c.text }]);
      expect(issues.filter((i) => i.severity !== 'info')).toEqual([]);
      expect(invalidObjects.size).toBe(0);
      expect(model.namespaces.length + model.workloads.length + model.policies.length).toBeGreaterThan(0);
    });
  }

  it('warns (without rejecting) about a cidr with host bits set, naming the network it means', () => {
    const text = np('host-bits', '  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock:\n        cidr: 10.0.0.1/8\n');
    const { model, issues, invalidObjects } = decodeModel([{ name: 'ok.yaml', text }]);
    expect(issues).toMatchObject([
      {
        severity: 'warning',
        code: 'ipblock-cidr-host-bits',
        path: 'spec.ingress[0].from[0].ipBlock.cidr',
        line: 11,
        message: 'spec.ingress[0].from[0].ipBlock.cidr: 10.0.0.1/8 has host bits set, so it means 10.0.0.0/8 (did you mean 10.0.0.0/8 or 10.0.0.1/32?)',
      },
    ]);
    expect(invalidObjects.size).toBe(0);
    expect(model.policies.map((p) => p.name)).toEqual(['host-bits']);
  });
});

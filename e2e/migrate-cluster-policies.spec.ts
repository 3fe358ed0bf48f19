import { expect, test, type Page } from '@playwright/test';

const pod = (name: string, namespace: string, app: string, port: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: ${namespace}, labels: {app: ${app}}}
spec: {containers: [{name: c, ports: [{name: ${port}, containerPort: 8080}]}]}
`;

// v1alpha1 objects as OVN-Kubernetes and older Calico run them: an AdminNetworkPolicy and the BaselineAdminNetworkPolicy.
const V1ALPHA1 = [
  `apiVersion: v1\nkind: Namespace\nmetadata: {name: team-a, labels: {team: a}}\n`,
  `apiVersion: v1\nkind: Namespace\nmetadata: {name: team-b, labels: {team: b}}\n`,
  pod('web', 'team-a', 'web', 'http'),
  pod('api', 'team-b', 'api', 'http'),
  pod('db', 'team-b', 'db', 'sql'),
  `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: team-b-guardrails}
spec:
  priority: 10
  subject: {namespaces: {matchLabels: {team: b}}}
  ingress:
  - name: web-reaches-api
    action: Allow
    from: [{pods: {namespaceSelector: {matchLabels: {team: a}}, podSelector: {matchLabels: {app: web}}}}]
    ports: [{namedPort: http}]
  - name: nobody-reaches-db
    action: Deny
    from: [{namespaces: {}}]
    ports: [{portRange: {protocol: TCP, start: 8000, end: 9000}}]
`,
  `apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: default}
spec:
  subject: {namespaces: {}}
  ingress:
  - {name: deny-the-rest, action: Deny, from: [{namespaces: {}}]}
`,
].join('---\n');

/** Every drawn workload edge with its label, sorted. */
async function drawnEdges(page: Page): Promise<string[]> {
  const edges = page.locator('.react-flow__edge');
  const out: string[] = [];
  for (const edge of await edges.all()) out.push(`${await edge.getAttribute('data-testid')} ${(await edge.textContent()) ?? ''}`);
  return out.sort();
}

test('migrating a v1alpha1 AdminNetworkPolicy and BaselineAdminNetworkPolicy to ClusterNetworkPolicy previews the new YAML and keeps every edge', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByTestId('rf__node-shop/api[Deployment]')).toBeVisible();
  await page.getByTestId('open-files').setInputFiles({ name: 'guardrails.yaml', mimeType: 'application/yaml', buffer: Buffer.from(V1ALPHA1) });
  await expect(page.getByRole('tab', { name: 'guardrails.yaml' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('rf__edge-team-a/web[Pod]=>team-b/api[Pod]')).toContainText('TCP 8080');
  const clusterList = page.getByRole('region', { name: 'Cluster policies' });
  await expect(clusterList).toContainText('team-b-guardrails');
  await expect(clusterList).toContainText('Admin · priority 10 · AdminNetworkPolicy');
  await expect.poll(() => drawnEdges(page)).not.toEqual([]);
  const before = await drawnEdges(page);

  await clusterList.getByRole('button', { name: 'Migrate 2 to v1alpha2…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Migrate to ClusterNetworkPolicy (v1alpha2)' });
  await expect(dialog).toContainText('AdminNetworkPolicy team-b-guardrails, BaselineAdminNetworkPolicy default');
  const preview = dialog.getByRole('region', { name: 'New objects in guardrails.yaml' });
  await expect(preview).toContainText('destinationNamedPort: http');
  await expect(preview).toContainText('tier: Baseline');
  await expect(preview).not.toContainText('kind: Pod');
  await page.screenshot({ path: testInfo.outputPath('migrate-preview.png') });
  await dialog.getByRole('button', { name: 'Apply' }).click();

  await expect(clusterList).toContainText('Admin · priority 10 · ClusterNetworkPolicy');
  await expect(clusterList).toContainText('Baseline · priority 1000 · ClusterNetworkPolicy');
  await expect(clusterList.getByRole('button', { name: /Migrate/ })).toHaveCount(0);
  await expect(page.getByText('kind: ClusterNetworkPolicy').first()).toBeVisible();
  await expect.poll(() => drawnEdges(page), { message: 'the same edges, with the same labels, after the migration' }).toEqual(before);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(clusterList).toContainText('Admin · priority 10 · AdminNetworkPolicy');
});

import { expect, test } from '@playwright/test';

test('the cluster tiers example: an Admin Deny removes an edge, an Admin Pass hands the shop to its NetworkPolicies, and explain names the deciding rule', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByTestId('rf__node-shop/api[Deployment]')).toBeVisible();
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /^Cluster tiers/ }).click();
  await expect(page.getByRole('tab', { name: 'cluster-tiers.yaml' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('rf__node-sandbox/experiment[Deployment]')).toBeVisible();
  await expect(page.getByTestId('document-summary')).toHaveText('5 workloads · 2 policies · 5 cluster policies · 18 allowed flows · 0 issues');

  // Admin Pass → NetworkPolicy: the shop's own policy opens the frontend on 8080 to coredns as to anyone.
  await expect(page.getByTestId('rf__edge-kube-system/coredns[Deployment]=>shop/frontend[Deployment]')).toContainText('TCP 8080');
  // Admin Accept above the Pass: prometheus scrapes the api's metrics port, which no NetworkPolicy opens.
  await expect(page.getByTestId('rf__edge-monitoring/prometheus[Deployment]=>shop/api[Deployment]')).toContainText('TCP 9090');
  // Admin Deny: the sandbox never reaches the shop, although the frontend's NetworkPolicy admits everyone.
  await expect(page.getByTestId('rf__edge-sandbox/experiment[Deployment]=>shop/frontend[Deployment]')).toHaveCount(0);
  await expect(page.locator('.react-flow[data-layout="done"]')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('cluster-tiers.png') });

  await page.getByTestId('rf__edge-kube-system/coredns[Deployment]=>shop/frontend[Deployment]').locator('.react-flow__edge-textbg').click();
  const panel = page.getByRole('region', { name: 'Explain a connection' });
  await expect(panel.getByTestId('explain-ingress')).toContainText('Pass → NetworkPolicy tier: isolated by shop/frontend-open-on-8080');
  await panel.getByLabel('Source').selectOption('sandbox/experiment[Deployment]');
  await panel.getByLabel('Port').fill('8080');
  await expect(panel.getByTestId('explain-verdict')).toContainText('Denied');
  await expect(panel.getByTestId('explain-egress')).toContainText('Admin ClusterNetworkPolicy sandbox-never-reaches-shop priority 20 rule "deny-to-shop": Deny — final');
  await page.screenshot({ path: testInfo.outputPath('cluster-tiers-explain.png') });

  // Selecting a cluster policy marks the workloads it applies to and the peers its rules name, and details its rules.
  await page.getByRole('region', { name: 'Cluster policies' }).getByRole('button', { name: /^sandbox-never-reaches-shop/ }).click();
  const node = (id: string) => page.locator(`main.app__canvas .react-flow__node[data-id="${id}"]`);
  await expect(node('sandbox/experiment[Deployment]')).toHaveClass(/is-subject/);
  await expect(node('shop/frontend[Deployment]')).toHaveClass(/is-peer/);
  await expect(node('shop/api[Deployment]')).toHaveClass(/is-peer/);
  await expect(node('kube-system/coredns[Deployment]')).not.toHaveClass(/is-subject|is-peer/);
  await expect(page.getByRole('region', { name: 'Cluster policy' })).toContainText('deny-to-shop: Deny to all pods in namespaces team=shop, any port');
});

import { expect, test } from '@playwright/test';

const CHANGE = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-from-frontend, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress: [{from: [{podSelector: {matchLabels: {app: frontend}}}], ports: [{port: 5432}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-metrics, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress: [{from: [{podSelector: {matchLabels: {app: frontend}}}], ports: [{port: 9090}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-out, namespace: kube-system}
spec: {podSelector: {}, policyTypes: [Egress]}
`;

test('after setting a baseline, a policy change shows as added, changed and removed edges on the canvas and in the panel', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.locator('.react-flow[data-layout="done"]')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('show-all-flows').check();
  await page.getByRole('group', { name: 'Baseline' }).getByRole('button', { name: 'Set baseline' }).click();
  const panel = page.getByRole('region', { name: /Changes since baseline/ });
  await expect(panel).toContainText('Changes since baseline (0)');

  await page.getByTestId('add-files').setInputFiles({ name: 'change.yaml', mimeType: 'application/yaml', buffer: Buffer.from(CHANGE) });

  const added = page.getByTestId('rf__edge-shop/frontend[Deployment]=>shop/db[StatefulSet]');
  await expect(added).toContainText('+ TCP 5432');
  await expect(added.locator('path.flow-edge--diff-added')).toHaveCount(1);
  const changed = page.getByTestId('rf__edge-shop/frontend[Deployment]=>shop/api[Deployment]');
  await expect(changed).toContainText('TCP 8080 → TCP 8080,9090');
  await expect(changed.locator('path.flow-edge--diff-changed')).toHaveCount(1);
  const removed = page.getByTestId('rf__edge-kube-system/coredns[Deployment]=>ext:other');
  await expect(removed).toContainText('− all');
  await expect(removed.locator('path.flow-edge--diff-removed')).toHaveCount(1);

  await expect(panel.locator('[data-change="added"]')).toContainText('shop/frontend[Deployment] → shop/db[StatefulSet]');
  await expect(panel.locator('[data-change="changed"]')).toContainText('TCP 8080 → TCP 8080,9090');
  await expect(panel.locator('[data-change="removed"]').first()).toContainText('kube-system/coredns[Deployment]');
  await page.screenshot({ path: testInfo.outputPath('baseline-diff.png') });

  await panel.locator('[data-change="added"]').click();
  await expect(page.getByRole('region', { name: 'Explain a connection' }).getByLabel('Destination')).toHaveValue('shop/db[StatefulSet]');

  await page.getByRole('group', { name: 'Baseline' }).getByRole('button', { name: /Clear baseline/ }).click();
  await expect(panel).toHaveCount(0);
  await expect(added).toContainText('TCP 5432');
  await expect(added).not.toContainText('+');
  await expect(removed).toHaveCount(0);
});

import { expect, test } from '@playwright/test';

const SHOP = `apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop, labels: {app: api}}
spec: {containers: [{name: c, image: i, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: c, image: i}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-from-anywhere, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
    - from: [{namespaceSelector: {}}]
      ports: [{port: 8080}]
`;

test('a reviewer sees that a protected api is still reachable from any pod in any namespace, and which rule opens it', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByTestId('rf__node-shop/api[Deployment]')).toBeVisible();
  await page.getByTestId('open-files').setInputFiles({ name: 'shop.yaml', mimeType: 'application/yaml', buffer: Buffer.from(SHOP) });
  const api = page.getByTestId('rf__node-shop/api[Pod]');
  await expect(api).toBeVisible();

  // The card: its ingress is protected (shield), yet its rule admits pods that do not exist yet.
  await expect(api.getByTestId('exposure-mark')).toHaveText('exposed: any ns');
  await expect(page.getByTestId('rf__node-shop/web[Pod]').getByTestId('exposure-mark')).toHaveCount(0);

  await api.click();
  const exposure = page.getByRole('region', { name: 'Exposure' });
  await expect(exposure).toContainText('Could reach it tomorrow');
  await expect(exposure).toContainText('any pod in any namespace: TCP 8080 — by shop/api-from-anywhere ingress rule 1');
  await expect(exposure).toContainText('no policy protects its egress');
  await expect(page.locator('.react-flow[data-layout="done"]')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('workload-exposure.png') });

  // The rule link opens the policy at that rule.
  await exposure.getByRole('button', { name: 'shop/api-from-anywhere ingress rule 1' }).click();
  await expect(page.getByRole('region', { name: 'Policy shop/api-from-anywhere' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: 'ingress rule 1' })).toHaveAttribute('aria-current', 'true');
});

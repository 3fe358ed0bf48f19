import { expect, test } from '@playwright/test';

const MANIFESTS = `apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: Web_1, namespace: shop }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: c, image: i, ports: [{ containerPort: 8080 }] }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec: { containers: [{ name: c, image: i }] }
`;

test('a name the API server would reject is shown in the issues list and marked on its card, as a warning', async ({ page }) => {
  await page.goto('/');
  const canvas = page.locator('main.app__canvas .react-flow');
  await expect(canvas).toHaveAttribute('data-layout', 'done', { timeout: 60_000 });
  await page.getByTestId('open-files').setInputFiles({ name: 'names.yaml', mimeType: 'application/yaml', buffer: Buffer.from(MANIFESTS) });

  const card = page.getByTestId('rf__node-shop/Web_1[Deployment]');
  await expect(card).toBeVisible();
  await expect(canvas).toHaveAttribute('data-layout', 'done');
  const mark = card.getByTestId('rejected-name');
  await expect(mark).toHaveText('⚠ invalid name');
  await expect(mark).toHaveAttribute('title', /^warning: .*"Web_1" is not a valid Deployment name/);
  await expect(card).toHaveAttribute('aria-label', /the API server would reject its name/);
  await expect(page.getByTestId('rf__node-shop/api[Deployment]').getByTestId('rejected-name')).toHaveCount(0);

  const issues = page.getByRole('region', { name: /Issues/ });
  await expect(issues.getByRole('heading', { name: 'Issues (1)' })).toBeVisible();
  const entry = issues.getByRole('button', { name: /"Web_1" is not a valid Deployment name/ });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('warning');
  await expect(entry).toContainText('names.yaml:7');
});

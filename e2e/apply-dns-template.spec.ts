import { expect, test, type Page } from '@playwright/test';

const FRONTEND = 'shop/frontend[Deployment]';
const API = 'shop/api[Deployment]';
const DB = 'shop/db[StatefulSet]';
const COREDNS = 'kube-system/coredns[Deployment]';
const edge = (page: Page, src: string, dst: string) => page.getByTestId(`rf__edge-${src}=>${dst}`);

async function applyTemplate(page: Page, title: string, namespace: string) {
  await page.getByRole('button', { name: 'Templates ▾' }).click();
  await page.getByRole('menuitem', { name: title }).click();
  const form = page.getByRole('dialog', { name: title });
  await form.getByRole('combobox', { name: 'Namespace' }).selectOption(namespace);
  await form.getByRole('button', { name: 'Preview' }).click();
  return page.getByRole('dialog', { name: new RegExp(`^${title}: ${namespace}/`) });
}

test('applying "Allow DNS egress" to a namespace with default-deny egress brings its DNS edges back', async ({ page }, testInfo) => {
  await page.goto('/');
  const canvas = page.locator('main.app__canvas .react-flow');
  await expect(canvas).toHaveAttribute('data-layout', 'done', { timeout: 20_000 });
  // DNS from an open workload to open CoreDNS is drawn only when every flow is.
  await page.getByTestId('show-all-flows').check();
  for (const src of [FRONTEND, API, DB]) await expect(edge(page, src, COREDNS)).toHaveCount(1);

  const denyPreview = await applyTemplate(page, 'Default-deny egress', 'shop');
  await expect(denyPreview).toContainText('Add NetworkPolicy shop/default-deny-egress to three-tier.yaml');
  await expect(denyPreview.getByTestId('change-preview-diff')).toContainText(`${FRONTEND} → ${COREDNS}`);
  await denyPreview.getByRole('button', { name: 'Apply' }).click();
  for (const src of [FRONTEND, API, DB]) await expect(edge(page, src, COREDNS)).toHaveCount(0);
  await expect(canvas).toHaveAttribute('data-layout', 'done');

  const dnsPreview = await applyTemplate(page, 'Allow DNS egress to kube-dns', 'shop');
  await expect(dnsPreview).toContainText('Add NetworkPolicy shop/allow-dns-egress to three-tier.yaml');
  for (const src of [FRONTEND, API, DB]) {
    await expect(dnsPreview.getByTestId('change-preview-diff')).toContainText(`+ allowed ${src} → ${COREDNS}: TCP 53, UDP 53`);
  }
  await page.screenshot({ path: testInfo.outputPath('dns-preview.png') });
  await dnsPreview.getByRole('button', { name: 'Apply' }).click();
  await expect(dnsPreview).toHaveCount(0);

  for (const src of [FRONTEND, API, DB]) await expect(edge(page, src, COREDNS)).toContainText(/TCP 53, UDP 53|UDP 53, TCP 53/);
  await expect(edge(page, FRONTEND, API)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Policies' }).getByRole('button', { name: /shop\/allow-dns-egress/ })).toBeVisible();
  await expect(canvas).toHaveAttribute('data-layout', 'done');
  await page.screenshot({ path: testInfo.outputPath('dns-applied.png') });

  await page.getByRole('button', { name: 'Undo' }).click();
  for (const src of [FRONTEND, API, DB]) await expect(edge(page, src, COREDNS)).toHaveCount(0);
});

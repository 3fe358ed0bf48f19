import { expect, test, type Page } from '@playwright/test';

const FRONTEND = 'shop/frontend[Deployment]';
const API = 'shop/api[Deployment]';

async function applyTemplate(page: Page, title: string, namespace: string) {
  await page.getByRole('button', { name: 'Templates ▾' }).click();
  await page.getByRole('menuitem', { name: title }).click();
  const form = page.getByRole('dialog', { name: title });
  await form.getByRole('combobox', { name: 'Namespace' }).selectOption(namespace);
  await form.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('dialog', { name: new RegExp(`^${title}: ${namespace}/`) });
  await preview.getByRole('button', { name: 'Apply' }).click();
  await expect(preview).toHaveCount(0);
}

async function dragConnect(page: Page, from: string, to: string) {
  const handle = page.getByTestId(`rf__node-${from}`).locator('.react-flow__handle.source');
  const start = await handle.boundingBox();
  const end = await page.getByTestId(`rf__node-${to}`).boundingBox();
  if (!start || !end) throw new Error('nodes not on screen');
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 15 });
  await page.mouse.up();
}

test('the default-deny template never draws a removal advice, even once allows make it redundant today', async ({ page }, testInfo) => {
  // Three edits, each analysed again: on a loaded machine this takes longer than the 30 s default.
  test.setTimeout(120_000);
  await page.goto('/');
  const canvas = page.locator('main.app__canvas .react-flow');
  await expect(canvas).toHaveAttribute('data-layout', 'done', { timeout: 20_000 });
  const findings = page.getByRole('region', { name: /Findings/ });

  // The default-deny, then two allows: DNS for every pod of shop (a template) and frontend → api (a drawn flow).
  await applyTemplate(page, 'Default-deny egress', 'shop');
  await expect(page.getByTestId(`rf__edge-${FRONTEND}=>${API}`)).toHaveCount(0);
  await expect(canvas).toHaveAttribute('data-layout', 'done');
  await applyTemplate(page, 'Allow DNS egress to kube-dns', 'shop');
  await expect(canvas).toHaveAttribute('data-layout', 'done');
  await dragConnect(page, FRONTEND, API);
  const chooser = page.getByRole('dialog', { name: 'Choose the port' });
  await chooser.getByRole('button', { name: 'TCP 8080' }).click();
  await chooser.getByRole('button', { name: 'Continue' }).click();
  const preview = page.getByRole('dialog', { name: `Allow ${FRONTEND} → ${API} on TCP 8080` });
  await preview.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId(`rf__edge-${FRONTEND}=>${API}`)).toContainText('TCP 8080');

  // The findings note that the default-denies are redundant today and keep them; none advises removing one.
  const noEffect = findings.locator('[data-lint="policy-no-effect"]');
  await expect(noEffect.filter({ hasText: 'shop/default-deny-egress' })).toContainText('keep it: it protects pods added to shop later');
  await expect(noEffect.filter({ hasText: 'shop/default-deny-ingress' })).toContainText('keep it');
  await expect(findings).not.toContainText(/remove/i);
  await findings.screenshot({ path: testInfo.outputPath('findings.png') });
});

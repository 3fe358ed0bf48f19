import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { analyze, formatConnlistTxt } from '../src/engine';

const FRONTEND = 'shop/frontend[Deployment]';
const API = 'shop/api[Deployment]';
const DB = 'shop/db[Deployment]';

async function dragConnect(page: Page, from: string, to: string) {
  const start = await page.getByTestId(`rf__node-${from}`).locator('.react-flow__handle.source').boundingBox();
  const end = await page.getByTestId(`rf__node-${to}`).boundingBox();
  if (!start || !end) throw new Error(`${from} or ${to} is not on screen`);
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 15 });
  await page.mouse.up();
}

async function addWorkload(page: Page, name: string, port: string) {
  const inspector = page.getByTestId('inspector');
  await page.getByTestId('rf__node-ns:shop').locator('.namespace-node__name').click();
  await inspector.getByRole('button', { name: 'Add workload here' }).click();
  const editor = inspector.getByRole('region', { name: /^Edit workload workload-/ });
  await editor.getByLabel('Name').fill(name);
  await editor.getByLabel('Name').press('Enter');
  const renamed = inspector.getByRole('region', { name: `Edit workload ${name}` });
  await renamed.getByLabel('Label 1 value').fill(name);
  await renamed.getByLabel('Label 1 value').press('Enter');
  await renamed.getByRole('button', { name: 'Add port' }).click();
  await renamed.getByLabel('Port 1 number').fill(port);
  await renamed.getByLabel('Port 1 number').press('Enter');
  await expect(page.getByTestId(`rf__node-shop/${name}[Deployment]`)).toContainText(`TCP ${port}`);
}

async function allow(page: Page, from: string, to: string, port: string) {
  await expect(page.locator('main.app__canvas .react-flow')).toHaveAttribute('data-layout', 'done', { timeout: 20_000 });
  await dragConnect(page, from, to);
  const chooser = page.getByRole('dialog', { name: 'Choose the port' });
  await expect(chooser.getByLabel('Port', { exact: true })).toHaveValue(port);
  await page.keyboard.press('Enter');
  const preview = page.getByRole('dialog', { name: `Allow ${from} → ${to} on TCP ${port}` });
  await expect(preview.getByTestId('change-preview-diff')).toContainText(`${from} → ${to}: TCP ${port}`);
  await preview.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId(`rf__edge-${from}=>${to}`)).toBeVisible();
}

test('a three-tier app built from an empty workspace with the panel, a template and drags allows exactly what was drawn', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.locator('main.app__canvas .react-flow')).toHaveAttribute('data-layout', 'done', { timeout: 20_000 });
  const inspector = page.getByTestId('inspector');

  await page.getByRole('button', { name: 'New workspace' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'New workspace' });
  await expect(confirm).toContainText('Discard the current workspace? You can undo this.');
  await confirm.getByRole('button', { name: 'Discard' }).click();
  const start = page.getByRole('region', { name: 'Start' });
  await expect(start).toBeVisible();
  await expect(page.getByTestId('document-summary')).toHaveText('0 workloads · 0 policies · 0 allowed flows · 0 issues');
  await page.screenshot({ path: testInfo.outputPath('empty.png') });

  await start.getByRole('button', { name: 'Start designing' }).click();
  await expect(start).toHaveCount(0);
  const namespace = inspector.getByRole('region', { name: 'Edit namespace default' });
  await namespace.getByLabel('Name').fill('shop');
  await namespace.getByLabel('Name').press('Enter');
  await page.getByRole('dialog', { name: 'Rename namespace default to shop' }).getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('rf__node-ns:shop')).toBeVisible();

  await addWorkload(page, 'frontend', '8080');
  await addWorkload(page, 'api', '8080');
  await addWorkload(page, 'db', '5432');

  await page.getByRole('button', { name: 'Templates ▾' }).click();
  await page.getByRole('menuitem', { name: 'Default-deny ingress', exact: true }).click();
  const form = page.getByRole('dialog', { name: 'Default-deny ingress' });
  await form.getByLabel('Namespace').selectOption('shop');
  await form.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('dialog', { name: /Default-deny ingress/ }).getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId(`rf__edge-${FRONTEND}=>${API}`)).toHaveCount(0);

  await allow(page, FRONTEND, API, '8080');
  await allow(page, API, DB, '5432');
  await page.screenshot({ path: testInfo.outputPath('built.png') });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export ▾' }).click();
  await page.getByRole('menuitem', { name: 'Download everything (YAML)' }).click();
  const exported = readFileSync(await (await download).path(), 'utf8');

  const analysis = analyze([{ name: 'exported.yaml', text: exported }]);
  expect(analysis.issues.filter((i) => i.severity === 'error')).toEqual([]);
  expect(analysis.model.workloads.map((w) => w.id).sort()).toEqual([API, DB, FRONTEND]);
  const into = (id: string) =>
    formatConnlistTxt(analysis.connections)
      .split('\n')
      .filter((line) => line.includes(`=> ${id} :`));
  expect(into(API)).toEqual([`${FRONTEND} => ${API} : TCP 8080`]);
  expect(into(DB)).toEqual([`${API} => ${DB} : TCP 5432`]);
});

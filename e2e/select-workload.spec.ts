import { expect, test } from '@playwright/test';

const FRONTEND = 'shop/frontend[Deployment]';
const API = 'shop/api[Deployment]';
const DB = 'shop/db[StatefulSet]';

test('selecting a workload lists its policies and peers; selecting a policy highlights what it selects and admits', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.locator('main.app__canvas .react-flow')).toHaveAttribute('data-layout', 'done', { timeout: 20_000 });
  const inspector = page.getByTestId('inspector');
  const node = (id: string) => page.getByTestId(`rf__node-${id}`);

  await node(API).getByText('api', { exact: true }).click();
  await expect(node(API)).toHaveClass(/selected/);
  await expect(inspector.getByRole('heading', { name: 'api' })).toBeVisible();
  await expect(inspector.getByRole('region', { name: 'Explain a connection' }).getByLabel('Source')).toHaveValue(API);
  const details = inspector.getByRole('region', { name: `Workload ${API}` });
  await expect(details.getByRole('button', { name: 'shop/default-deny-ingress' })).toBeVisible();
  await expect(details.getByRole('button', { name: 'shop/allow-api-from-frontend' })).toBeVisible();
  await expect(inspector.getByText('not isolated — all allowed')).toBeVisible();
  const receives = inspector.locator('li', { has: page.getByRole('button', { name: FRONTEND }) }).first();
  await expect(inspector.getByRole('heading', { name: 'May receive from (1)' })).toBeVisible();
  await expect(receives).toContainText('TCP 8080');
  await expect(page.getByTestId(`rf__edge-${API}=>${DB}`)).toHaveClass(/is-active/);
  await expect(page.getByTestId(`rf__edge-ext:other=>${FRONTEND}`)).toHaveClass(/is-dimmed/);
  await page.screenshot({ path: testInfo.outputPath('workload-selected.png') });

  await page.getByRole('region', { name: 'Policies' }).getByRole('button', { name: /shop\/allow-db-from-api/ }).click();
  await expect(node(DB)).toHaveClass(/is-subject/);
  await expect(node(API)).toHaveClass(/is-peer/);
  await expect(node(FRONTEND)).toHaveClass(/is-dimmed/);
  await expect(inspector.getByRole('heading', { name: 'podSelector: app=db' })).toBeVisible();
  await expect(inspector.getByRole('list', { name: 'Selected workloads' })).toContainText(DB);
  await expect(inspector).toContainText('from: pods app=api in namespace shop');
  await page.screenshot({ path: testInfo.outputPath('policy-selected.png') });

  await page.getByRole('region', { name: 'Workloads' }).getByRole('button', { name: /frontend/ }).click();
  await expect(node(FRONTEND)).toHaveClass(/selected/);
  await expect(inspector.getByRole('heading', { name: 'frontend' })).toBeVisible();

  await page.getByTestId(`rf__edge-${API}=>${DB}`).locator('.react-flow__edge-textbg').click();
  await expect(inspector).toContainText('Allowed connection');
  await expect(inspector.getByRole('definition').filter({ hasText: 'TCP 5432' })).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(inspector).toContainText('Select a workload');
  await expect(node(FRONTEND)).not.toHaveClass(/is-dimmed/);
});

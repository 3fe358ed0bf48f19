import { expect, test } from '@playwright/test';

const FRONTEND = 'shop/frontend[Deployment]';
const API = 'shop/api[Deployment]';
const DB = 'shop/db[StatefulSet]';

test('adding a matchExpressions item to a podSelector changes the "selects N workloads" count, the canvas highlight and the YAML', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.locator('main.app__canvas .react-flow')).toHaveAttribute('data-layout', 'done', { timeout: 20_000 });
  const inspector = page.getByTestId('inspector');
  const node = (id: string) => page.getByTestId(`rf__node-${id}`);
  const subjects = page.locator('main.app__canvas .react-flow__node.is-subject');

  await page.getByRole('region', { name: 'Policies' }).getByRole('button', { name: /shop\/default-deny-ingress/ }).click();
  await expect(inspector.getByRole('textbox', { name: 'name', exact: true })).toHaveValue('default-deny-ingress');
  await expect(inspector.getByTestId('selects-count')).toHaveText('selects 3 workloads in shop');
  await expect(subjects).toHaveCount(3);
  await expect(inspector.getByText('empty: matches everything')).toBeVisible();

  await inspector.getByRole('button', { name: 'Add podSelector expression' }).click();
  const key = inspector.getByRole('textbox', { name: 'podSelector expression 1 key' });
  const operator = inspector.getByRole('combobox', { name: 'podSelector expression 1 operator' });
  const values = inspector.getByRole('textbox', { name: 'podSelector expression 1 values' });
  await expect(key).toHaveValue('app');
  await expect(operator).toHaveValue('Exists');
  await expect(values).toBeDisabled();
  await expect(inspector.getByTestId('selects-count')).toHaveText('selects 3 workloads in shop');

  await key.fill('tier');
  await key.press('Tab');
  await operator.selectOption('NotIn');
  // NotIn needs values: the engine's error shows at the values field, which is now enabled.
  await expect(values).toBeEnabled();
  await expect(values).toHaveAttribute('aria-invalid', 'true');
  await expect(inspector.getByText(/must list at least one value when operator is NotIn/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('values-required.png') });

  await values.fill('data');
  await values.press('Tab');
  await expect(values).toHaveAttribute('aria-invalid', 'false');
  await expect(inspector.getByTestId('selects-count')).toHaveText('selects 2 workloads in shop');
  await expect(inspector.getByRole('heading', { name: 'podSelector: tier notin (data)' })).toBeVisible();
  await expect(subjects).toHaveCount(2);
  await expect(node(FRONTEND)).toHaveClass(/is-subject/);
  await expect(node(API)).toHaveClass(/is-subject/);
  await expect(node(DB)).not.toHaveClass(/is-subject/);

  await inspector.getByRole('button', { name: /three-tier\.yaml:\d+/ }).click();
  const yaml = page.getByRole('textbox', { name: 'YAML editor' });
  await expect(yaml).toContainText('name: default-deny-ingress');
  await expect(yaml).toContainText('- key: tier');
  await expect(yaml).toContainText('operator: NotIn');
  await expect(yaml).toContainText('- data');
  await page.screenshot({ path: testInfo.outputPath('not-in-data.png') });

  await operator.selectOption('In');
  await expect(inspector.getByTestId('selects-count')).toHaveText('selects 1 workload in shop');
  await expect(subjects).toHaveCount(1);
  await expect(node(DB)).toHaveClass(/is-subject/);
  await expect(yaml).toContainText('operator: In');
});

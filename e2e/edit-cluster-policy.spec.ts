import { expect, test } from '@playwright/test';

test('an administrator edits a ClusterNetworkPolicy in the inspector: the canvas follows, a priority out of range is flagged at its field, undo restores', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByTestId('rf__node-shop/api[Deployment]')).toBeVisible();
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /^Cluster tiers/ }).click();
  const sandboxToFrontend = page.getByTestId('rf__edge-sandbox/experiment[Deployment]=>shop/frontend[Deployment]');
  await expect(page.getByTestId('rf__node-sandbox/experiment[Deployment]')).toBeVisible();
  await expect(sandboxToFrontend).toHaveCount(0);

  await page.getByRole('region', { name: 'Cluster policies' }).getByRole('button', { name: /^sandbox-never-reaches-shop/ }).click();
  const editor = page.getByRole('region', { name: 'Edit ClusterNetworkPolicy sandbox-never-reaches-shop' });
  await expect(editor.getByLabel('tier', { exact: true })).toHaveValue('Admin');
  await expect(editor.getByLabel('priority', { exact: true })).toHaveValue('20');
  await expect(editor.getByLabel('egress rule 1 name', { exact: true })).toHaveValue('deny-to-shop');

  // Deny → Pass: the shop's own NetworkPolicy decides again, and it admits everyone on 8080.
  await editor.getByLabel('egress rule 1 action', { exact: true }).selectOption('Pass');
  await expect(editor.getByText('skips the rest of the Admin tier')).toBeVisible();
  await expect(sandboxToFrontend).toContainText('TCP 8080');
  await expect(page.getByRole('region', { name: 'Cluster policy' })).toContainText('deny-to-shop: Pass to all pods in namespaces team=shop, any port');

  // A priority the CRD rejects is flagged at the field; the rest of the workspace keeps working.
  const priority = editor.getByLabel('priority', { exact: true });
  await priority.fill('2000');
  await priority.press('Enter');
  await expect(priority).toHaveAttribute('aria-invalid', 'true');
  await expect(editor).toContainText('must be an integer from 0 to 1000, got 2000');
  await priority.fill('20');
  await priority.press('Enter');
  await expect(priority).toHaveAttribute('aria-invalid', 'false');

  // A protocol limits the rule to TCP 8080; a second peer kind is offered only where the CRD allows it.
  await editor.getByRole('button', { name: 'Add egress rule 1 protocol' }).click();
  const port = editor.getByLabel('egress rule 1 protocol 1 port', { exact: true });
  await port.fill('8080');
  await port.press('Enter');
  await expect(page.getByRole('region', { name: 'Cluster policy' })).toContainText('deny-to-shop: Pass to all pods in namespaces team=shop, TCP 8080');
  await expect(editor.getByRole('button', { name: 'Add egress rule 1 networks peer' })).toBeVisible();
  await expect(page.locator('.react-flow[data-layout="done"]')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('edit-cluster-policy.png') });

  // Undo walks back each edit, one step each: the port, the added protocol, the priority twice, the action.
  const undo = page.getByRole('button', { name: 'Undo' });
  await undo.click();
  await expect(editor.getByLabel('egress rule 1 protocol 1 port', { exact: true })).toHaveValue('80');
  for (let i = 0; i < 4; i++) await undo.click();
  await expect(editor.getByLabel('egress rule 1 action', { exact: true })).toHaveValue('Deny');
  await expect(sandboxToFrontend).toHaveCount(0);
});

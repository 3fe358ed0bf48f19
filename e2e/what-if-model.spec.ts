import { expect, test } from '@playwright/test';

test('adding a namespace and a workload from the palette, renaming and relabelling it, then deleting it, the canvas follows', async ({ page }, testInfo) => {
  await page.goto('/');
  const canvas = page.locator('main.app__canvas .react-flow');
  await expect(canvas).toHaveAttribute('data-layout', 'done', { timeout: 20_000 });
  const inspector = page.getByTestId('inspector');
  const node = (id: string) => page.getByTestId(`rf__node-${id}`);

  await page.getByTestId('palette-namespace').dragTo(page.locator('main.app__canvas .react-flow__pane'), { targetPosition: { x: 120, y: 420 } });
  await expect(node('ns:namespace-1')).toBeVisible();
  const namespaceEditor = inspector.getByRole('region', { name: 'Edit namespace namespace-1' });
  await namespaceEditor.getByRole('textbox', { name: 'Name' }).fill('payments');
  await namespaceEditor.getByRole('textbox', { name: 'Name' }).press('Enter');
  const rename = page.getByRole('dialog', { name: 'Rename namespace namespace-1 to payments' });
  await expect(rename).toContainText('Rename Namespace namespace-1 to payments');
  await rename.getByRole('button', { name: 'Apply' }).click();
  await expect(node('ns:payments')).toBeVisible();
  await expect(node('ns:namespace-1')).toHaveCount(0);
  await expect(canvas).toHaveAttribute('data-layout', 'done');

  await page.getByTestId('palette-workload').dragTo(node('ns:payments'));
  const added = node('payments/workload-1[Deployment]');
  await expect(added).toBeVisible();
  await expect(added).toContainText('app=workload-1');

  const editor = inspector.getByRole('region', { name: 'Edit workload workload-1' });
  await editor.getByRole('textbox', { name: 'Name' }).fill('ledger');
  await editor.getByRole('textbox', { name: 'Name' }).press('Enter');
  const ledger = node('payments/ledger[Deployment]');
  await expect(ledger).toBeVisible();
  await expect(added).toHaveCount(0);

  const ledgerEditor = inspector.getByRole('region', { name: 'Edit workload ledger' });
  await ledgerEditor.getByRole('textbox', { name: 'Label 1 value' }).fill('ledger');
  await ledgerEditor.getByRole('button', { name: 'Add label' }).click();
  await ledgerEditor.getByRole('textbox', { name: 'Label 2 key' }).fill('tier');
  await ledgerEditor.getByRole('textbox', { name: 'Label 2 value' }).fill('backend');
  await ledgerEditor.getByRole('textbox', { name: 'Label 2 value' }).press('Enter');
  await expect(ledger).toContainText('app=ledger');
  await expect(ledger).toContainText('tier=backend');
  await ledgerEditor.getByRole('button', { name: 'Add port' }).click();
  await ledgerEditor.getByRole('textbox', { name: 'Port 1 name' }).fill('http');
  await ledgerEditor.getByRole('textbox', { name: 'Port 1 number' }).fill('8080');
  await ledgerEditor.getByRole('textbox', { name: 'Port 1 number' }).press('Enter');
  await expect(ledger).toContainText('TCP 8080 (http)');

  await ledgerEditor.getByRole('textbox', { name: 'Label 2 key' }).fill('bad key');
  await ledgerEditor.getByRole('textbox', { name: 'Label 2 key' }).press('Enter');
  await expect(ledgerEditor.getByRole('alert').filter({ hasText: '"bad key" is not a valid label key' })).toBeVisible();
  await expect(ledgerEditor.getByRole('textbox', { name: 'Label 2 key' })).toHaveValue('bad key');
  await expect(page.getByTestId('stale-notice')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('invalid-label.png') });
  await ledgerEditor.getByRole('textbox', { name: 'Label 2 key' }).fill('tier');
  await ledgerEditor.getByRole('textbox', { name: 'Label 2 key' }).press('Enter');
  await expect(page.getByTestId('stale-notice')).toHaveCount(0);
  await expect(canvas).toHaveAttribute('data-layout', 'done');
  await page.screenshot({ path: testInfo.outputPath('workload-edited.png') });

  await ledgerEditor.getByRole('button', { name: 'Delete workload' }).click();
  const deletion = page.getByRole('dialog', { name: 'Delete Deployment payments/ledger' });
  await expect(deletion).toContainText('Delete Deployment payments/ledger');
  await deletion.getByRole('button', { name: 'Apply' }).click();
  await expect(ledger).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(ledger).toBeVisible();

  await page.getByTestId('palette-external').dragTo(page.locator('main.app__canvas .react-flow__pane'), { targetPosition: { x: 150, y: 300 } });
  const prompt = page.getByRole('form', { name: 'New external range' });
  await prompt.getByRole('textbox', { name: 'CIDR' }).fill('198.51.100.0');
  await prompt.getByRole('button', { name: 'Add' }).click();
  await expect(prompt.getByRole('alert')).toContainText('not a CIDR');
  await prompt.getByRole('textbox', { name: 'CIDR' }).fill('198.51.100.0/24');
  await prompt.getByRole('button', { name: 'Add' }).click();
  await expect(node('ext:198.51.100.0/24')).toContainText('198.51.100.0/24');
  await expect(canvas).toHaveAttribute('data-layout', 'done');
  await page.screenshot({ path: testInfo.outputPath('external-added.png') });
});

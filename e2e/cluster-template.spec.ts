import { expect, test } from '@playwright/test';

test('a cluster template adds a kube-system guardrail after a preview, listed among the cluster policies, and Undo takes it away', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /^Small bank/ }).click();
  await expect(page.getByRole('tab', { name: 'bank.yaml' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Cluster policies' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: 'Cluster: nobody reaches kube-system except DNS' }).click();
  const preview = page.getByRole('dialog', { name: 'Cluster: nobody reaches kube-system except DNS' });
  await expect(preview).toContainText('Add ClusterNetworkPolicy protect-kube-system to bank.yaml');
  await preview.getByRole('button', { name: 'Apply' }).click();

  const list = page.getByRole('region', { name: 'Cluster policies' });
  await expect(list).toContainText('protect-kube-system');
  await expect(list).toContainText('Admin · priority 10 · ClusterNetworkPolicy');
  await expect(page.getByTestId('document-summary')).toContainText('1 cluster policy');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(list).toHaveCount(0);
});

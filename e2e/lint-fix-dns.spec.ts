import { expect, test } from '@playwright/test';

const DENY_EGRESS = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-egress
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Egress]
`;

test('a finding appears when DNS is blocked, one click fixes it, and it disappears', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow[data-layout="done"]')).toBeVisible({ timeout: 20_000 });
  const findings = page.getByRole('region', { name: /Findings/ });
  const dns = findings.locator('[data-lint="dns-blocked"]');
  await expect(dns).toHaveCount(0);

  await page.getByTestId('add-files').setInputFiles({ name: 'deny-egress.yaml', mimeType: 'application/yaml', buffer: Buffer.from(DENY_EGRESS) });
  await expect(page.getByTestId('rf__edge-shop/api[Deployment]=>kube-system/coredns[Deployment]')).toHaveCount(0);
  await expect(dns).toHaveCount(1);
  await expect(dns).toContainText('cannot resolve names');
  await expect(dns).toContainText('frontend');

  await dns.getByRole('button', { name: 'Fix' }).click();
  const preview = page.getByRole('dialog', { name: 'Fix this finding' });
  await expect(preview).toContainText('Create shop/allow-dns-egress');
  await expect(preview.getByTestId('change-preview-diff')).toContainText('shop/api[Deployment] → kube-system/coredns[Deployment]: TCP 53, UDP 53');
  await preview.getByRole('button', { name: 'Apply' }).click();

  await expect(dns).toHaveCount(0);
  await expect(page.getByTestId('rf__edge-shop/api[Deployment]=>kube-system/coredns[Deployment]')).toContainText('TCP 53, UDP 53');
});

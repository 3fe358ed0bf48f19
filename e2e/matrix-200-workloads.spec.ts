import { expect, test } from '@playwright/test';

function cluster(namespaces: number, perNamespace: number): string {
  const docs: string[] = [];
  for (let n = 0; n < namespaces; n++) {
    for (let p = 0; p < perNamespace; p++) {
      docs.push(`apiVersion: v1\nkind: Pod\nmetadata: {name: w${p}, namespace: ns${n}, labels: {app: w${p}}}\nspec: {containers: [{name: c, ports: [{containerPort: 8080}]}]}\n`);
    }
    if (n % 2 === 0) docs.push(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: ns${n}}\nspec: {podSelector: {}, ingress: [{from: [{podSelector: {}}], ports: [{port: 8080}]}]}\n`);
  }
  return docs.join('---\n');
}

test('the matrix stays usable at 200 workloads: only the cells in view are drawn, and scrolling reaches the far corner', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('group', { name: 'Main view' }).getByRole('button', { name: 'Matrix' }).click();
  await page.getByTestId('open-files').setInputFiles({ name: 'big.yaml', mimeType: 'application/yaml', buffer: Buffer.from(cluster(20, 10)) });
  const matrix = page.getByTestId('connectivity-matrix');
  await expect(page.getByTestId('document-summary')).toContainText('200 workloads');
  await expect(matrix.getByTestId('matrix-cell-ns0/w1[Pod]=>ns0/w0[Pod]')).toHaveAttribute('title', /partly allowed \(TCP 8080\)/);
  await expect(matrix.getByTestId('matrix-cell-ns1/w0[Pod]=>ns0/w0[Pod]')).toHaveAttribute('title', /denied/);
  const drawn = await matrix.locator('.matrix__cell').count();
  expect(drawn).toBeGreaterThan(100);
  expect(drawn).toBeLessThan(201 * 201 / 10);

  await matrix.locator('.matrix__scroller').hover();
  await page.mouse.wheel(0, 20_000);
  await page.keyboard.down('Shift');
  await page.mouse.wheel(0, 20_000);
  await page.keyboard.up('Shift');
  await expect(matrix.getByTestId('matrix-cell-ns9/w9[Pod]=>ns9/w8[Pod]')).toBeVisible();
  await expect(matrix.getByTestId('matrix-cell-ns0/w1[Pod]=>ns0/w0[Pod]')).toHaveCount(0);
});

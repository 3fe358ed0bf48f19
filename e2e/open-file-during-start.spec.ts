import { expect, test } from '@playwright/test';

const MINE = `apiVersion: v1
kind: Pod
metadata: {name: mine, namespace: team}
spec: {containers: [{name: c, image: i}]}
`;

test('a file opened while the start example is still loading stays open: the example never replaces it', async ({ page }) => {
  // The start example arrives late (a slow disk or network): the person has opened a file by then.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/examples/three-tier.yaml', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles({ name: 'mine.yaml', mimeType: 'application/yaml', buffer: Buffer.from(MINE) });
  await expect(page.getByTestId('rf__node-team/mine[Pod]')).toBeVisible();
  release();
  await page.waitForResponse('**/examples/three-tier.yaml');
  // Give the late example every chance to land, then check it did not.
  await expect(page.getByRole('tab', { name: 'mine.yaml' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('document-summary')).toHaveText(/^1 workload · 0 policies/);
  await expect(page.getByRole('tab', { name: 'three-tier.yaml' })).toHaveCount(0);
  await expect(page.getByTestId('rf__node-team/mine[Pod]')).toBeVisible();
});

import { expect, test } from '@playwright/test';

const THREE_TIER_EXTRA = `---
apiVersion: v1
kind: Pod
metadata:
  name: probe
  namespace: shop
  labels: {app: probe}
spec:
  containers: [{name: probe, image: example/probe:1}]
`;

test('a whole session stays on the page: no request leaves its origin, the Content-Security-Policy is never violated, nothing is missing', async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
  const offOrigin: string[] = [];
  const failed: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) offOrigin.push(url);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.addInitScript(`window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));`);

  await page.goto('/');
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /default-src 'self'/);
  const canvas = page.locator('main.app__canvas .react-flow');
  await expect(canvas).toHaveAttribute('data-layout', 'done');

  // Open another example, select, look at the matrix, add a file, type, export an image.
  await page.getByRole('button', { name: /Examples/ }).click();
  await page.getByRole('menuitem', { name: /Small bank/ }).click();
  await expect(page.getByTestId('rf__node-ns:payments')).toBeVisible();
  await page.getByTestId('rf__node-web/frontend[Deployment]').click();
  await page.getByRole('group', { name: 'Main view' }).getByRole('button', { name: 'Matrix' }).click();
  await page.getByRole('group', { name: 'Main view' }).getByRole('button', { name: 'Graph' }).click();
  await page.getByTestId('open-files').setInputFiles({ name: 'probe.yaml', mimeType: 'application/yaml', buffer: Buffer.from(THREE_TIER_EXTRA) });
  await expect(page.getByTestId('rf__node-shop/probe[Pod]')).toBeVisible();
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n# reviewed');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export ▾' }).click();
  await page.getByRole('menuitem', { name: 'Export PNG' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.png$/);

  expect(offOrigin).toEqual([]);
  expect(failed).toEqual([]);
  expect(await page.evaluate('window.__violations')).toEqual([]);
});

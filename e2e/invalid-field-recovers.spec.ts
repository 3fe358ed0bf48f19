import { expect, test, type Page } from '@playwright/test';

const FRONTEND_TO_API = 'rf__edge-shop/frontend[Deployment]=>shop/api[Deployment]';

/** The 1-based line of the first `protocol: TCP` after the line naming the policy `allow-api-from-frontend`. */
async function protocolLine(page: Page): Promise<number> {
  const text = await (await page.request.get('/examples/three-tier.yaml')).text();
  const lines = text.split('\n');
  const policy = lines.findIndex((line) => line.includes('name: allow-api-from-frontend'));
  return lines.findIndex((line, i) => i > policy && line.trim().endsWith('protocol: TCP')) + 1;
}

test('an invalid field is marked at its line, the canvas keeps the last valid model, and a fix brings it back', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByTestId(FRONTEND_TO_API)).toContainText('TCP 8080');
  await expect(page.getByRole('heading', { name: 'Issues (0)' })).toBeVisible();
  const line = await protocolLine(page);

  const editor = page.getByRole('textbox', { name: 'YAML editor' });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+Alt+g');
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.type('X');

  const badLine = page.locator('.cm-line', { hasText: 'protocol: TCPX' });
  await expect(badLine.locator('.cm-lintRange-error')).toBeVisible();
  await expect(page.locator('.cm-activeLineGutter').first()).toHaveText(String(line));
  await expect(page.locator('.cm-gutter-lint .cm-lint-marker-error')).toHaveCount(1);

  await expect(page.getByRole('heading', { name: 'Issues (1)' })).toBeVisible();
  const issue = page.getByRole('button', { name: /unsupported protocol "TCPX"/ });
  await expect(issue).toContainText(`three-tier.yaml:${line}`);
  await expect(issue).toContainText('spec.ingress[0].ports[0].protocol');

  await expect(page.getByTestId('stale-notice')).toHaveText('Showing the last valid model — 1 error in the YAML');
  await expect(page.getByTestId(FRONTEND_TO_API)).toContainText('TCP 8080');
  await page.screenshot({ path: testInfo.outputPath('invalid.png') });

  // Move away, then let the issues list bring the editor back to the line.
  await page.keyboard.press('ControlOrMeta+Home');
  await issue.click();
  await expect(editor).toBeFocused();
  await expect(page.locator('.cm-activeLine')).toContainText('protocol: TCPX');
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');

  await expect(page.getByTestId('stale-notice')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Issues (0)' })).toBeVisible();
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(0);
  await expect(page.getByTestId(FRONTEND_TO_API)).toContainText('TCP 8080');
  await page.screenshot({ path: testInfo.outputPath('recovered.png') });
});

import { expect, test, type Page } from '@playwright/test';

const FRONTEND = 'web/frontend[Deployment]';

async function nodeIds(page: Page): Promise<string[]> {
  const ids = (await page.evaluate(`[...document.querySelectorAll('main.app__canvas .react-flow__node')].map((node) => node.getAttribute('data-id'))`)) as string[];
  return ids.sort();
}

test('a copied link opens the same workspace in another browser after asking, nothing leaves the page, and Undo brings back what was shown', async ({ browser, baseURL }, testInfo) => {
  // Two browsers, each laying out a graph.
  test.slow();
  const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
  const sender = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await sender.newPage();
  await page.goto('/');
  const canvas = page.locator('main.app__canvas .react-flow');
  await expect(canvas).toHaveAttribute('data-layout', 'done', { timeout: 60_000 });
  await page.getByRole('button', { name: /Examples/ }).click();
  await page.getByRole('menuitem', { name: /Small bank/ }).click();
  await expect(page.getByTestId('rf__node-ns:payments')).toBeVisible();
  await expect(canvas).toHaveAttribute('data-layout', 'done');

  const frontend = page.getByTestId(`rf__node-${FRONTEND}`);
  const placed = await frontend.getAttribute('style');
  const box = await frontend.getByText('frontend', { exact: true }).boundingBox();
  if (!box) throw new Error('frontend is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2 + 50, { steps: 10 });
  await page.mouse.up();
  const moved = await frontend.getAttribute('style');
  expect(moved).not.toBe(placed);
  const shownIds = await nodeIds(page);
  const summary = await page.getByTestId('document-summary').textContent();

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('copied.png') });
  const link = String(await page.evaluate('navigator.clipboard.readText()'));
  expect(link).toMatch(new RegExp(`^${origin}/#w=[A-Za-z0-9_-]+$`));

  const receiver = await browser.newContext();
  const offOrigin: string[] = [];
  const sentFragments: string[] = [];
  receiver.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) offOrigin.push(url);
    if (url.includes('#') || url.includes('w=')) sentFragments.push(url);
  });
  const other = await receiver.newPage();
  await other.goto(link);
  const question = other.getByRole('alertdialog', { name: 'Open the shared workspace?' });
  await expect(question).toContainText('It replaces what is shown; Undo brings yours back.');
  await expect(question).toContainText('The link holds 1 file: bank.yaml');
  await expect(other).toHaveURL(`${origin}/`);
  await expect(other.getByTestId('rf__node-shop/api[Deployment]')).toBeVisible();
  await other.screenshot({ path: testInfo.outputPath('asked.png') });
  await question.getByRole('button', { name: 'Open' }).click();

  const otherCanvas = other.locator('main.app__canvas .react-flow');
  await expect(other.getByTestId('rf__node-ns:payments')).toBeVisible();
  await expect(otherCanvas).toHaveAttribute('data-layout', 'done');
  await expect.poll(() => nodeIds(other)).toEqual(shownIds);
  await expect(other.getByTestId(`rf__node-${FRONTEND}`)).toHaveAttribute('style', moved ?? '');
  await expect(other.getByTestId('document-summary')).toHaveText(summary ?? '');
  await other.screenshot({ path: testInfo.outputPath('opened.png') });

  await other.getByRole('group', { name: 'History' }).getByRole('button', { name: 'Undo' }).click();
  await expect(other.getByTestId('rf__node-shop/api[Deployment]')).toBeVisible();
  await expect(other.getByTestId('rf__node-ns:payments')).toHaveCount(0);

  expect(offOrigin).toEqual([]);
  expect(sentFragments).toEqual([]);
  await sender.close();
  await receiver.close();
});

import { expect, test, type Page } from '@playwright/test';

const FRONTEND = 'web/frontend[Deployment]';
const PAYMENTS_API = 'payments/payments-api[Deployment]';
const BACKUP = 'data/backup[CronJob]';
const PROMETHEUS = 'monitoring/prometheus[StatefulSet]';

/** The sizes the elements matching `selector` on the canvas are drawn at on screen: their font size times the canvas zoom. */
async function screenPixels(page: Page, selector: string): Promise<number[]> {
  return page.evaluate(`(() => {
    const viewport = document.querySelector('main.app__canvas .react-flow__viewport');
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    return [...document.querySelectorAll('main.app__canvas ${selector}')].map((label) => parseFloat(getComputedStyle(label).fontSize) * zoom);
  })()`);
}

test('the small bank opens readable: decided flows as edges, open sides on the cards, a legend, names and edge labels of 10 px or more at fit', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Examples/ }).click();
  await page.getByRole('menuitem', { name: /Small bank/ }).click();
  const canvas = page.locator('main.app__canvas .react-flow');
  await expect(page.getByTestId('rf__node-ns:payments')).toBeVisible();
  await expect(canvas).toHaveAttribute('data-layout', 'done');

  // A flow a policy decided is an edge; a pair open on both sides is not, and its cards say why.
  await expect(page.getByTestId(`rf__edge-${FRONTEND}=>${PAYMENTS_API}`)).toContainText('TCP 8443');
  await expect(page.getByTestId(`rf__edge-${BACKUP}=>${PROMETHEUS}`)).toHaveCount(0);
  await expect(page.getByTestId(`rf__node-${BACKUP}`)).toContainText('egress: open');
  await expect(page.getByTestId(`rf__node-${PROMETHEUS}`)).toContainText('ingress: open');
  const decided = await page.locator('main.app__canvas .react-flow__edge').count();
  expect(decided).toBeLessThanOrEqual(20);

  // The legend is always at hand, folded until opened.
  const legend = page.getByTestId('legend');
  await expect(legend).toBeVisible();
  await legend.locator('summary').click();
  await expect(legend).toContainText('no policy isolates that side');
  await expect(legend).toContainText('several flows, aggregated');

  // At fit, edge labels, workload names and namespace names are all drawn at 10 px or more.
  await expect.poll(async () => Math.min(...(await screenPixels(page, '.react-flow__edge-text')))).toBeGreaterThanOrEqual(10);
  expect(Math.min(...(await screenPixels(page, '.workload-node__name')))).toBeGreaterThanOrEqual(10);
  expect(Math.min(...(await screenPixels(page, '.namespace-node__name')))).toBeGreaterThanOrEqual(10);
  expect(await screenPixels(page, '.workload-node__name')).toHaveLength(10);
  await page.screenshot({ path: testInfo.outputPath('bank.png') });

  // Every flow, pair by pair, on request.
  await page.getByTestId('show-all-flows').check();
  await expect(page.getByTestId(`rf__edge-${BACKUP}=>${PROMETHEUS}`)).toContainText('all');
  await expect.poll(() => page.locator('main.app__canvas .react-flow__edge').count()).toBeGreaterThan(decided);
});

import { expect, test, type Locator } from '@playwright/test';

const FRONTEND = 'shop/frontend[Deployment]';
const API = 'shop/api[Deployment]';
const DB = 'shop/db[StatefulSet]';
const COREDNS = 'kube-system/coredns[Deployment]';

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not rendered');
  return box;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const contains = (outer: Box, inner: Box) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

test('opening the app shows the bundled three-tier example laid out as a graph', async ({ page }, testInfo) => {
  await page.goto('/');

  await expect(page.getByRole('heading', { name: 'netpol-canvas' })).toBeVisible();
  await expect(page.locator('main.app__canvas .react-flow')).toHaveAttribute('data-layout', 'done', { timeout: 20_000 });
  await expect(page.getByText('Laying out…')).toHaveCount(0);

  const frames = { shop: page.getByTestId('rf__node-ns:shop'), kubeSystem: page.getByTestId('rf__node-ns:kube-system') };
  await expect(frames.shop).toContainText('shop');
  await expect(frames.shop).toContainText('team=shop');
  const cards = [FRONTEND, API, DB, COREDNS].map((id) => page.getByTestId(`rf__node-${id}`));
  for (const card of cards) await expect(card).toBeVisible();
  await expect(cards[1]).toContainText('api');
  await expect(cards[1]).toContainText('Deployment');
  await expect(cards[1]).toContainText('TCP 8080');
  await expect(cards[1].getByRole('img', { name: /Ingress-isolated/ })).toBeVisible();
  await expect(cards[3].getByRole('img', { name: /isolated/ })).toHaveCount(0);
  await expect(page.getByTestId('rf__node-ext:other')).toContainText('any other address');

  await expect(page.getByTestId(`rf__edge-${FRONTEND}=>${API}`)).toContainText('TCP 8080');
  await expect(page.getByTestId(`rf__edge-${API}=>${DB}`)).toContainText('TCP 5432');
  await expect(page.getByTestId(`rf__edge-ext:other=>${FRONTEND}`)).toContainText('TCP 8080');
  // frontend's egress and CoreDNS's ingress are both open: the cards say so, and the edge is drawn only on request.
  await expect(page.getByTestId(`rf__edge-${FRONTEND}=>${COREDNS}`)).toHaveCount(0);
  await expect(cards[0]).toContainText('egress: open');
  await expect(cards[3]).toContainText('ingress: open');
  await expect(page.getByTestId(`rf__edge-${FRONTEND}=>${DB}`)).toHaveCount(0);
  await expect(page.getByTestId(`rf__edge-${COREDNS}=>${API}`)).toHaveCount(0);

  const boxes = await Promise.all(cards.map(boxOf));
  for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
  const shop = await boxOf(frames.shop);
  for (const box of boxes.slice(0, 3)) expect(contains(shop, box)).toBe(true);
  expect(contains(await boxOf(frames.kubeSystem), boxes[3])).toBe(true);
  expect(overlaps(shop, await boxOf(frames.kubeSystem))).toBe(false);

  await page.screenshot({ path: testInfo.outputPath('three-tier.png') });
  await page.getByTestId('show-all-flows').check();
  await expect(page.getByTestId(`rf__edge-${FRONTEND}=>${COREDNS}`)).toContainText('all');
  await expect(page.getByTestId(`rf__edge-${COREDNS}=>${API}`)).toHaveCount(0);
});

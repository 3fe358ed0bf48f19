import { expect, test, type Page } from '@playwright/test';

/** Ids of the nodes that lie (partly) outside the visible canvas. */
async function nodesOutsideCanvas(page: Page): Promise<string[]> {
  const canvas = await page.locator('.react-flow').boundingBox();
  const outside: string[] = [];
  for (const node of await page.locator('.react-flow__node').all()) {
    const box = await node.boundingBox();
    if (!canvas || !box) continue;
    const isInside = box.x >= canvas.x - 1 && box.y >= canvas.y - 1 && box.x + box.width <= canvas.x + canvas.width + 1 && box.y + box.height <= canvas.y + canvas.height + 1;
    if (!isInside) outside.push((await node.getAttribute('data-id')) ?? '?');
  }
  return outside;
}

const EXAMPLES = [
  {
    item: /^Microservices/,
    tab: 'microservices.yaml',
    nodes: ['ns:web', 'ns:shop', 'ns:data', 'web/frontend[Deployment]', 'shop/checkoutservice[Deployment]', 'data/redis-cart[StatefulSet]'],
    edges: [
      ['web/frontend[Deployment]=>shop/cartservice[Deployment]', 'TCP 7070'],
      ['shop/checkoutservice[Deployment]=>shop/paymentservice[Deployment]', 'TCP 50051'],
      ['shop/cartservice[Deployment]=>data/redis-cart[StatefulSet]', 'TCP 6379'],
    ],
    absent: ['web/frontend[Deployment]=>shop/paymentservice[Deployment]'],
  },
  {
    item: /^ipBlocks and named ports/,
    tab: 'ipblocks-named-ports.yaml',
    nodes: ['ns:payments', 'ns:internal', 'ns:monitoring', 'payments/gateway[Deployment]', 'internal/admin-ui[Deployment]'],
    edges: [
      ['payments/gateway[Deployment]=>payments/ledger[StatefulSet]', 'TCP 50051'],
      ['monitoring/prometheus[Deployment]=>payments/gateway[Deployment]', 'TCP 9090'],
      ['monitoring/prometheus[Deployment]=>payments/ledger[StatefulSet]', 'TCP 9102'],
      ['monitoring/prometheus[Deployment]=>internal/admin-ui[Deployment]', 'TCP 9100'],
    ],
    absent: ['payments/ledger[StatefulSet]=>payments/gateway[Deployment]'],
  },
] as const;

test('each bundled example opens with one click from the Examples menu, fitted to the view, and Undo goes back', async ({ page }, testInfo) => {
  // Three documents are laid out in turn; give a busy machine room.
  test.setTimeout(60_000);
  await page.goto('/');
  await expect(page.getByTestId('rf__node-shop/api[Deployment]')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

  for (const example of EXAMPLES) {
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('menuitem', { name: example.item }).click();
    await expect(page.getByRole('tab', { name: example.tab })).toHaveAttribute('aria-selected', 'true');
    for (const id of example.nodes) await expect(page.getByTestId(`rf__node-${id}`)).toBeVisible();
    for (const [id, label] of example.edges) await expect(page.getByTestId(`rf__edge-${id}`)).toContainText(label);
    for (const id of example.absent) await expect(page.getByTestId(`rf__edge-${id}`)).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Issues (0)' })).toBeVisible();
    await expect(page.locator('.react-flow[data-layout="done"]')).toBeVisible();
    await expect.poll(() => nodesOutsideCanvas(page), { message: 'the view is fitted to the new example', timeout: 10_000 }).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(example.tab.replace('.yaml', '.png')) });
  }

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('tab', { name: 'microservices.yaml' })).toBeVisible();
  await expect(page.getByTestId('rf__node-web/frontend[Deployment]')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('tab', { name: 'three-tier.yaml' })).toBeVisible();
  await expect(page.getByTestId('rf__node-shop/api[Deployment]')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByTestId('rf__node-web/frontend[Deployment]')).toBeVisible();
});

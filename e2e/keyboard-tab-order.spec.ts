import { expect, test, type Page } from '@playwright/test';

const API = 'shop/api[Deployment]';
const DB = 'shop/db[StatefulSet]';

/** What has keyboard focus: a canvas node's or edge's id, else the focused element's accessible text, and whether it is inside the canvas. */
async function focused(page: Page): Promise<{ kind: 'node' | 'edge' | 'other'; id: string; inCanvas: boolean }> {
  const active = page.locator(':focus');
  if ((await active.count()) === 0) return { kind: 'other', id: '', inCanvas: false };
  const inCanvas = (await page.locator('main.app__canvas .react-flow :focus').count()) > 0;
  const classes = (await active.getAttribute('class')) ?? '';
  const dataId = (await active.getAttribute('data-id')) ?? '';
  if (/\breact-flow__node\b/.test(classes)) return { kind: 'node', id: dataId, inCanvas };
  if (/\breact-flow__edge\b/.test(classes)) return { kind: 'edge', id: dataId, inCanvas };
  return { kind: 'other', id: (await active.getAttribute('aria-label')) ?? (await active.innerText()).trim(), inCanvas };
}

/** Presses Tab until `isWanted` holds for the focused element (at most `limit` times); fails the story otherwise. */
async function tabUntil(page: Page, isWanted: (f: Awaited<ReturnType<typeof focused>>) => boolean, limit = 300): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (isWanted(await focused(page))) return;
  }
  throw new Error(`not reached within ${limit} Tab presses`);
}

test('Tab reaches the cards first, never each edge, and an edge is reached from its workload', async ({ page }, testInfo) => {
  await page.goto('/');
  const canvas = page.locator('main.app__canvas .react-flow');
  await expect(canvas).toHaveAttribute('data-layout', 'done', { timeout: 60_000 });
  await expect(page.getByTestId(`rf__edge-${API}=>${DB}`)).toBeVisible();
  const nodeIds = await canvas.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((node) => (node as unknown as { dataset: { id?: string } }).dataset.id ?? ''));
  const edgeCount = await canvas.locator('.react-flow__edge').count();
  expect(edgeCount).toBeGreaterThan(0);

  // 1. From the top of the page, Tab into the canvas: the first stops there are its nodes, one each, and no edge.
  await tabUntil(page, (f) => f.inCanvas);
  const stops: { kind: string; id: string }[] = [];
  for (let f = await focused(page); f.inCanvas && stops.length < 100; f = await focused(page)) {
    stops.push({ kind: f.kind, id: f.id });
    await page.keyboard.press('Tab');
  }
  // (A frame's own collapse button follows the frame: a control inside a node.)
  expect(stops[0].kind).toBe('node');
  expect(stops.filter((stop) => stop.kind === 'node').map((stop) => stop.id)).toEqual(nodeIds);
  const lastNode = stops.findLastIndex((stop) => stop.kind === 'node');
  expect(stops.slice(0, lastNode).filter((stop) => stop.kind === 'other').map((stop) => stop.id)).toEqual(nodeIds.filter((id) => id.startsWith('ns:')).map((id) => `Collapse namespace ${id.slice(3)}`));
  expect(stops.filter((stop) => stop.kind === 'edge')).toEqual([]);

  // 2. The focused card shows a ring (in the text colour, outside the card).
  const apiCard = page.getByTestId(`rf__node-${API}`);
  await page.keyboard.press('Shift+Tab');
  await apiCard.focus();
  await expect(apiCard).toBeFocused();
  await expect(apiCard).toHaveCSS('outline-style', 'solid');
  await apiCard.screenshot({ path: testInfo.outputPath('focused-node.png') });
  await page.screenshot({ path: testInfo.outputPath('focused-node-page.png') });
  // In the dark theme too (the ring takes the text colour of each theme).
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(apiCard).toBeFocused();
  await expect(apiCard).toHaveCSS('outline-color', 'rgb(228, 231, 235)');
  await page.screenshot({ path: testInfo.outputPath('focused-node-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  // 3. Enter selects it; its inspector lists its flows, and the flow to db is a button that selects that edge.
  await page.keyboard.press('Enter');
  await expect(apiCard).toHaveClass(/selected/);
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByRole('heading', { name: 'api', exact: true })).toBeVisible();
  await tabUntil(page, (f) => f.id.startsWith('Connection api → db: TCP 5432'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId(`rf__edge-${API}=>${DB}`)).toHaveClass(/selected/);
  await expect(inspector.getByRole('region', { name: `Connection ${API}=>${DB}` })).toBeVisible();
  const explain = inspector.getByRole('region', { name: 'Explain a connection' });
  await expect(explain.getByLabel('Source')).toHaveValue(API);
  await expect(explain.getByLabel('Destination')).toHaveValue(DB);
  await expect(explain.getByTestId('explain-verdict')).toContainText('✔ Allowed');
});

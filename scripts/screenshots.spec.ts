import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { realisticClusterYaml } from '../src/engine/testing/realisticClusterYaml';

const SHOTS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

/** Each example, whether the YAML pane stays open, and what is selected to show the inspector and highlighting. */
const EXAMPLES = [
  { file: 'three-tier', title: 'Three-tier shop', isYamlShown: true },
  { file: 'microservices', title: 'Microservices', isYamlShown: false, workload: 'shop/checkoutservice[Deployment]' },
  { file: 'ipblocks-named-ports', title: 'ipBlocks and named ports', isYamlShown: false, policy: 'payments/gateway-from-internet' },
];

/** Waits until every node has stopped moving: the layout is done and the view fitted. */
async function waitForLayout(page: Page): Promise<void> {
  const nodes = page.locator('.react-flow__node');
  await expect(nodes.first()).toBeVisible();
  let last = '';
  await expect
    .poll(
      async () => {
        const boxes = await Promise.all((await nodes.all()).map((node) => node.boundingBox()));
        const now = JSON.stringify(boxes.map((box) => box && [box.x, box.y, box.width, box.height].map(Math.round)));
        const isSettled = now === last;
        last = now;
        return isSettled;
      },
      { intervals: [400], timeout: 20_000 },
    )
    .toBe(true);
}

for (const example of EXAMPLES) {
  test(`screenshot of the ${example.title} example`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/');
    await page.getByRole('button', { name: 'Examples ▾' }).click();
    await page.getByRole('menuitem', { name: new RegExp(`^${example.title}`) }).click();
    await expect(page.getByRole('tab', { name: `${example.file}.yaml` })).toBeVisible();
    if (!example.isYamlShown) await page.getByRole('button', { name: /YAML/, expanded: true }).click();
    if (example.workload) await page.getByRole('region', { name: 'Workloads' }).getByTitle(example.workload).click();
    if (example.policy) await page.getByRole('region', { name: 'Policies' }).getByRole('button', { name: example.policy }).click();
    await waitForLayout(page);
    await page.mouse.move(0, 799);
    await page.screenshot({ path: `${SHOTS}${example.file}.png` });
  });
}

test('screenshot of the small bank example, readable at fit', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Examples ▾' }).click();
  await page.getByRole('menuitem', { name: /^Small bank/ }).click();
  await expect(page.getByRole('tab', { name: 'bank.yaml' })).toBeVisible();
  await page.getByRole('button', { name: /YAML/, expanded: true }).click();
  await page.getByTestId('legend').locator('summary').click();
  await waitForLayout(page);
  await page.mouse.move(0, 899);
  await page.screenshot({ path: `${SHOTS}bank.png` });
});

test('screenshot of a policies-only file: the workloads its selectors imply, inferred', async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  const bank = await (await request.get('/examples/bank.yaml')).text();
  const policies = bank
    .split(/^---$/m)
    .filter((doc) => /^kind: NetworkPolicy$/m.test(doc))
    .join('---');
  await page.getByTestId('open-files').setInputFiles({ name: 'bank-policies.yaml', mimeType: 'application/yaml', buffer: Buffer.from(policies) });
  await expect(page.getByRole('tab', { name: 'bank-policies.yaml' })).toBeVisible();
  await expect(page.locator('.workload-node--inferred').first()).toBeVisible();
  await page.getByRole('button', { name: /YAML/, expanded: true }).click();
  await waitForLayout(page);
  await page.mouse.move(0, 899);
  await page.screenshot({ path: `${SHOTS}policies-only.png` });
});

test('screenshot of a 1,000-workload cluster on the namespace view', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  const cluster = realisticClusterYaml({ workloads: 1000 });
  await page.getByTestId('open-files').setInputFiles({ name: 'cluster-1000.yaml', mimeType: 'application/yaml', buffer: Buffer.from(cluster.all) });
  await expect(page.locator('.react-flow__node-namespaceGroup').first()).toBeVisible({ timeout: 120_000 });
  await page.getByRole('button', { name: /YAML/, expanded: true }).click();
  await expect(page.locator('main.app__canvas .react-flow')).toHaveAttribute('data-layout', 'done', { timeout: 120_000 });
  await page.getByTestId('rf__node-ns:kube-system').locator('.namespace-group__name').click();
  // Too many nodes to poll each box: wait until the view has stopped moving instead.
  let last = '';
  const viewport = page.locator('main.app__canvas .react-flow__viewport');
  await expect
    .poll(
      async () => {
        const now = (await viewport.getAttribute('style')) ?? '';
        const isSettled = now === last;
        last = now;
        return isSettled;
      },
      { intervals: [1000], timeout: 60_000 },
    )
    .toBe(true);
  await page.mouse.move(0, 899);
  await page.screenshot({ path: `${SHOTS}cluster-1000.png` });
});

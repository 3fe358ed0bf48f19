import { expect, test, type Page } from '@playwright/test';

const FRONTEND_TO_API = 'rf__edge-shop/frontend[Deployment]=>shop/api[Deployment]';

/** Where every node sits on the canvas (React Flow coordinates, as its transform says), by node id. */
async function placements(page: Page): Promise<Record<string, string>> {
  return page.evaluate(`Object.fromEntries([...document.querySelectorAll('main.app__canvas .react-flow__node')].map((node) => [node.getAttribute('data-id'), node.style.transform]))`);
}

/** The 1-based line of the first `port: 8080` after the line naming the policy `allow-api-from-frontend`. */
async function portLine(page: Page): Promise<number> {
  const text = await (await page.request.get('/examples/three-tier.yaml')).text();
  const lines = text.split('\n');
  const policy = lines.findIndex((line) => line.includes('name: allow-api-from-frontend'));
  return lines.findIndex((line, i) => i > policy && line.trim() === 'port: 8080') + 1;
}

test('editing a policy moves no node, and a workload added in the YAML appears without moving the others', async ({ page }) => {
  await page.goto('/');
  const canvas = page.locator('main.app__canvas .react-flow');
  await expect(page.getByTestId(FRONTEND_TO_API)).toContainText('TCP 8080');
  await expect(canvas).toHaveAttribute('data-layout', 'done');
  const before = await placements(page);
  expect(Object.keys(before).length).toBeGreaterThanOrEqual(6);

  // A change of port: the edge follows, nothing moves.
  const line = await portLine(page);
  const editor = page.getByRole('textbox', { name: 'YAML editor' });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+Alt+g');
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('1');
  await expect(page.getByTestId(FRONTEND_TO_API)).toContainText('TCP 8081');
  expect(await placements(page)).toEqual(before);

  // A new workload in a new namespace: it appears, the others stay where they were.
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: probe, namespace: extra, labels: {app: probe}}\nspec: {containers: [{name: c, image: busybox}]}\n');
  const probe = page.getByTestId('rf__node-extra/probe[Pod]');
  await expect(probe).toBeVisible();
  await expect(canvas).toHaveAttribute('data-layout', 'done');
  const after = await placements(page);
  for (const [id, transform] of Object.entries(before)) expect(after[id], id).toBe(transform);
});

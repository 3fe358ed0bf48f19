import { expect, test, type Page } from '@playwright/test';

const FRONTEND_TO_API = 'rf__edge-shop/frontend[Deployment]=>shop/api[Deployment]';
const DB = 'rf__node-shop/db[StatefulSet]';

/** The 1-based line of `port: 5432` in the policy `allow-db-from-api` of the bundled example. */
async function dbPortLine(page: Page): Promise<number> {
  const lines = (await (await page.request.get('/examples/three-tier.yaml')).text()).split('\n');
  const policy = lines.findIndex((line) => line.includes('name: allow-db-from-api'));
  return lines.findIndex((line, i) => i > policy && line.trim() === 'port: 5432') + 1;
}

test('while one policy is broken, an edit of another shows on the canvas, an edit of the broken one is refused at its line, and its workload is marked', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await expect(page.locator('main.app__canvas .react-flow')).toHaveAttribute('data-layout', 'done', { timeout: 60_000 });
  await expect(page.getByTestId(FRONTEND_TO_API)).toContainText('TCP 8080');
  const line = await dbPortLine(page);

  // Break allow-db-from-api in the YAML: port 543299 is out of range.
  const editor = page.getByRole('textbox', { name: 'YAML editor' });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+Alt+g');
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.type('99');
  await expect(page.getByRole('heading', { name: 'Issues (1)' })).toBeVisible();
  await expect(page.getByTestId('stale-notice')).toBeVisible();

  // Another policy's port, edited in the inspector, changes the canvas edge.
  const policies = page.getByRole('region', { name: 'Policies' });
  const inspector = page.getByTestId('inspector');
  await policies.getByRole('button', { name: /shop\/allow-api-from-frontend/ }).click();
  const apiPort = inspector.getByRole('combobox', { name: 'ingress rule 1 port 1 port' });
  await apiPort.fill('9090');
  await apiPort.press('Tab');
  await expect(page.getByTestId(FRONTEND_TO_API)).toContainText('TCP 9090');

  // The broken policy is ignored now, and the card of the workload it would select says so.
  await expect(page.getByTestId(DB).getByTestId('ignored-policy')).toContainText('ignored policy shop/allow-db-from-api:');
  await expect(page.getByTestId(DB).getByTestId('ignored-policy')).toContainText('543299 is not a valid port');
  await page.screenshot({ path: testInfo.outputPath('edited-while-broken.png') });

  // An edit of the broken policy that leaves it broken is refused, naming its line; the text keeps what was there.
  await policies.getByRole('button', { name: /shop\/allow-db-from-api/ }).click();
  await inspector.getByRole('combobox', { name: 'ingress rule 1 port 1 protocol' }).selectOption('UDP');
  const refusal = page.getByTestId('edit-refusal');
  await expect(refusal).toContainText(`NetworkPolicy shop/allow-db-from-api at three-tier.yaml line ${line} has an error`);
  await expect(refusal).toContainText('Fix it first');
  await expect(inspector.getByRole('combobox', { name: 'ingress rule 1 port 1 protocol' })).toHaveValue('TCP');
  await page.screenshot({ path: testInfo.outputPath('refused.png') });

  // Fixing it from the inspector is not refused: the marker goes and the canvas draws api → db again.
  const dbPort = inspector.getByRole('combobox', { name: 'ingress rule 1 port 1 port' });
  await dbPort.fill('5432');
  await dbPort.press('Tab');
  await expect(refusal).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Issues (0)' })).toBeVisible();
  await expect(page.getByTestId(DB).getByTestId('ignored-policy')).toHaveCount(0);
  await expect(page.getByTestId('rf__edge-shop/api[Deployment]=>shop/db[StatefulSet]')).toContainText('TCP 5432');
});

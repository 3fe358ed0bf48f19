import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const API = 'shop/api[Deployment]';
const DB = 'shop/db[StatefulSet]';

/** The serious and critical WCAG 2 A/AA violations axe finds on the page, one line each, named after the screen. */
async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('every screen, light and dark, has no serious or critical WCAG 2 A/AA violation', async ({ page }, testInfo) => {
  // Eight screens, each waiting for the analysis and the layout, then an axe run.
  test.slow();
  const found: string[] = [];
  const check = async (screen: string) => {
    found.push(...(await seriousViolations(page, screen)));
    await page.screenshot({ path: testInfo.outputPath(`${screen}.png`) });
  };
  const canvas = page.locator('main.app__canvas .react-flow');
  const inspector = page.getByTestId('inspector');

  await page.goto('/');
  await expect(canvas).toHaveAttribute('data-layout', 'done', { timeout: 60_000 });
  await expect(page.getByTestId(`rf__edge-${API}=>${DB}`)).toBeVisible();
  await check('example');

  // Keyboard focus is visible on a card; an edge is no Tab stop (the keyboard reaches it from its workload's inspector).
  await page.keyboard.press('Tab');
  const db = page.getByTestId(`rf__node-${DB}`);
  await db.focus();
  await expect(db).toHaveCSS('outline-style', 'solid');
  await page.screenshot({ path: testInfo.outputPath('focus-node.png') });
  await expect(page.getByTestId(`rf__edge-${API}=>${DB}`)).not.toHaveAttribute('tabindex', '0');

  // The keyboard's way to draw a flow: "Allow to…" and its destination picker.
  await page.keyboard.press('Enter');
  await expect(db).toHaveClass(/selected/);
  await inspector.getByRole('button', { name: 'Allow to…' }).click();
  const picker = page.getByRole('dialog', { name: 'Allow db to…' });
  await picker.getByRole('combobox', { name: 'Destination' }).press('ArrowDown');
  await expect(picker.getByRole('listbox')).toBeVisible();
  await check('allow-to-picker');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();

  await page.getByRole('button', { name: 'New workspace' }).click();
  await page.getByRole('alertdialog', { name: 'New workspace' }).getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('region', { name: 'Start' })).toBeVisible();
  await check('start');
  await page.getByRole('group', { name: 'History' }).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId(`rf__edge-${API}=>${DB}`)).toBeVisible();

  await page.getByTestId(`rf__edge-${API}=>${DB}`).locator('.react-flow__edge-textbg').click();
  await inspector.getByRole('button', { name: 'Remove this flow' }).click();
  const preview = page.getByRole('dialog', { name: `Remove the flow ${API} → ${DB}` });
  await expect(preview).toBeVisible();
  await check('dialog');
  await preview.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: /Examples/ }).click();
  await page.getByRole('menuitem', { name: /Small bank/ }).click();
  await expect(page.getByTestId('rf__node-ns:payments')).toBeVisible();
  await expect(canvas).toHaveAttribute('data-layout', 'done');
  await check('bank');

  await page.getByRole('region', { name: 'Policies' }).getByRole('button', { name: /^payments\/payments-api / }).click();
  await expect(inspector.getByRole('region', { name: 'Policy payments/payments-api' })).toBeVisible();
  await check('policy-selected');

  await page.getByRole('group', { name: 'Main view' }).getByRole('button', { name: 'Matrix' }).click();
  await expect(page.getByTestId('connectivity-matrix')).toBeVisible();
  await check('matrix');

  await page.emulateMedia({ colorScheme: 'dark' });
  await check('dark-matrix');
  await page.getByRole('group', { name: 'Main view' }).getByRole('button', { name: 'Graph' }).click();
  await expect(canvas).toHaveAttribute('data-layout', 'done');
  await check('dark-policy-selected');
  await page.keyboard.press('Escape');
  await check('dark-bank');

  expect(found).toEqual([]);
});

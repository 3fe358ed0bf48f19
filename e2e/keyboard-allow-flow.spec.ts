import { expect, test, type Page } from '@playwright/test';

const FRONTEND = 'shop/frontend[Deployment]';
const DB = 'shop/db[StatefulSet]';

/** Presses Tab until the canvas node `id` has focus (at most `limit` times). */
async function tabToNode(page: Page, id: string, limit = 300): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if ((await page.locator(`.react-flow__node:focus[data-id="${id}"]`).count()) > 0) return;
  }
  throw new Error(`${id} not reached within ${limit} Tab presses`);
}

test('with the keyboard alone: Tab to a workload, Allow to…, pick the destination, Apply, and the new edge appears', async ({ page }, testInfo) => {
  await page.goto('/');
  const canvas = page.locator('main.app__canvas .react-flow');
  await expect(canvas).toHaveAttribute('data-layout', 'done', { timeout: 60_000 });
  const newEdge = page.getByTestId(`rf__edge-${FRONTEND}=>${DB}`);
  await expect(newEdge).toHaveCount(0);

  // 1. Tab to the frontend card, Enter selects it, and the next Tab stop is "Allow to…" under it.
  await tabToNode(page, FRONTEND);
  await page.keyboard.press('Enter');
  const card = page.getByTestId(`rf__node-${FRONTEND}`);
  await expect(card).toHaveClass(/selected/);
  await page.keyboard.press('Tab');
  const allowTo = card.getByRole('button', { name: 'Allow to…' });
  await expect(allowTo).toBeFocused();

  // 2. Escape cancels: the picker closes and focus is back on "Allow to…".
  await page.keyboard.press('Enter');
  const picker = page.getByRole('dialog', { name: 'Allow frontend to…' });
  await expect(picker).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await expect(allowTo).toBeFocused();
  await expect(card).toHaveClass(/selected/);

  // 3. Again: type to filter the destinations, arrows and Enter choose db.
  await page.keyboard.press('Enter');
  await expect(picker).toBeVisible();
  const destination = picker.getByRole('combobox', { name: 'Destination' });
  await expect(destination).toBeFocused();
  await page.keyboard.type('db');
  const listbox = picker.getByRole('listbox');
  await expect(listbox.getByRole('option')).toHaveText(['shop/db · StatefulSet']);
  await page.keyboard.press('ArrowDown');
  await expect(listbox.getByRole('option', { name: 'shop/db · StatefulSet' })).toHaveAttribute('aria-selected', 'true');
  await picker.screenshot({ path: testInfo.outputPath('allow-to-picker.png') });
  await page.screenshot({ path: testInfo.outputPath('allow-to-picker-page.png') });
  await page.keyboard.press('Enter');

  // 4. The same dialogs as a drag: the port (db's container port offered), then the preview; Enter continues, Enter applies.
  const chooser = page.getByRole('dialog', { name: 'Choose the port' });
  await expect(chooser.getByRole('heading', { name: 'Allow frontend → db' })).toBeVisible();
  await expect(chooser.getByRole('combobox', { name: 'Port', exact: true })).toBeFocused();
  await expect(chooser.getByRole('combobox', { name: 'Port', exact: true })).toHaveValue('5432');
  await page.keyboard.press('Enter');
  const preview = page.getByRole('dialog', { name: /frontend/ });
  const apply = preview.getByRole('button', { name: 'Apply' });
  await expect(apply).toBeFocused();
  await page.keyboard.press('Enter');

  // 5. The new edge appears, labelled with its port, and focus is back where the person started.
  await expect(newEdge).toBeVisible();
  await expect(newEdge).toContainText('TCP 5432');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.locator(':focus')).toHaveText('Allow to…');
});

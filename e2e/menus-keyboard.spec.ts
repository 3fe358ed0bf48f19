import { expect, test } from '@playwright/test';

const MENUS = [
  { button: 'Examples ▾', menu: 'Examples', role: 'menuitem' },
  { button: 'Export ▾', menu: 'Export', role: 'menuitem' },
  { button: 'Templates ▾', menu: 'Templates', role: 'menuitem' },
  { button: 'Namespaces ▾', menu: 'Show namespaces', role: 'menuitemcheckbox' },
] as const;

test('every toolbar menu opens with Enter, Space or ArrowDown, moves with the arrows and closes with Escape back on its button', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('main.app__canvas .react-flow')).toHaveAttribute('data-layout', 'done', { timeout: 60_000 });

  for (const { button: name, menu: label, role } of MENUS) {
    const button = page.getByRole('button', { name, exact: true });
    const menu = page.getByRole('menu', { name: label });
    const items = menu.getByRole(role);
    for (const key of ['ArrowDown', 'Enter', ' ']) {
      await button.focus();
      await page.keyboard.press(key);
      await expect(menu, `${name} opens on ${key}`).toBeVisible();
      await expect(button).toHaveAttribute('aria-expanded', 'true');
      await expect(items.first()).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await expect(items.nth(1)).toBeFocused();
      await page.keyboard.press('ArrowUp');
      await expect(items.first()).toBeFocused();
      await page.keyboard.press('End');
      await expect(items.last()).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(menu).toBeHidden();
      await expect(button).toBeFocused();
    }
  }

  // A namespace checkbox item toggles with Space and the menu stays open; the canvas loses that namespace.
  const namespaces = page.getByRole('button', { name: 'Namespaces ▾', exact: true });
  await namespaces.focus();
  await page.keyboard.press('ArrowDown');
  const first = page.getByRole('menu', { name: 'Show namespaces' }).getByRole('menuitemcheckbox').first();
  await expect(first).toHaveAttribute('aria-checked', 'true');
  const hidden = (await first.innerText()).replace('✓', '').trim();
  await page.keyboard.press(' ');
  await expect(first).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByTestId(`rf__node-ns:${hidden}`)).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: /^Namespaces \(1\/2\) ▾$/ })).toBeFocused();
});

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { runAnalyze } from '../src/cli/runAnalyze';

test('the connection list downloads in the CLI formats, txt equal to what the CLI prints', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow[data-layout="done"]')).toBeVisible({ timeout: 20_000 });
  const cli = runAnalyze(['public/examples/three-tier.yaml'], () => '');
  expect(cli.stdout).toContain('shop/frontend[Deployment] => shop/api[Deployment] : TCP 8080\n');

  const download = async (format: string) => {
    await page.getByRole('button', { name: 'Export ▾' }).click();
    const saved = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: new RegExp(`^Connection list \\(${format}\\)`) }).click();
    const file = await saved;
    expect(file.suggestedFilename()).toBe(`connlist.${format}`);
    return readFileSync(await file.path(), 'utf8');
  };

  expect(await download('txt')).toBe(cli.stdout);
  const rows = JSON.parse(await download('json'));
  expect(rows).toContainEqual({ src: 'shop/api[Deployment]', dst: 'shop/db[StatefulSet]', conn: 'TCP 5432' });
  expect(rows).toHaveLength(cli.stdout.split('\n').length - 1);
  expect(await download('md')).toContain('| shop/frontend[Deployment] | shop/api[Deployment] | TCP 8080 |');
});

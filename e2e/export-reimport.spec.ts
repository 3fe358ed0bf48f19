import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const EXAMPLE = 'ipblocks-named-ports.yaml';
/** Layout runs in a worker; on a busy machine the edges take a while to settle. */
const SETTLE = { timeout: 20_000 };

async function edgeIds(page: Page): Promise<string[]> {
  const ids = await page
    .locator('[data-testid^="rf__edge-"]')
    .evaluateAll((edges) => edges.map((edge) => (edge as unknown as { dataset: { testid: string } }).dataset.testid));
  return ids.sort();
}

/** The manifests as `kubectl get -o yaml` prints them: server fields added, `kind` before `apiVersion`. */
function asDumpedFromCluster(yaml: string): string {
  return yaml
    .split(/^---$/m)
    .map((doc, i) =>
      /^kind:/m.test(doc)
        ? `${doc
            .replace(/^apiVersion: (.*)\nkind: (.*)$/m, 'kind: $2\napiVersion: $1')
            .replace(/^metadata:\n/m, `metadata:\n  uid: 0b7c6a52-5d1e-4c39-9f0e-${String(i).padStart(12, '0')}\n  resourceVersion: "${4000 + i}"\n`)}status: {}\n`
        : doc,
    )
    .join('---');
}

test('manifests dumped from a cluster export kubectl-ready and open again to the same edges', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Examples ▾' }).click();
  await page.getByRole('menuitem', { name: /ipBlocks and named ports/ }).click();
  await expect(page.getByRole('tab', { name: EXAMPLE })).toBeVisible();
  await expect(page.locator('[data-testid^="rf__node-ext:"]').first()).toBeVisible();
  let exampleEdges: string[] = [];
  await expect
    .poll(async () => {
      const previous = exampleEdges;
      exampleEdges = await edgeIds(page);
      return exampleEdges.length > 0 && exampleEdges.join() === previous.join();
    }, SETTLE)
    .toBe(true);
  const exampleSummary = await page.getByTestId('document-summary').textContent();

  const exampleText = await (await page.request.get(`/examples/${EXAMPLE}`)).text();
  const dumped = asDumpedFromCluster(exampleText);
  expect(dumped).toMatch(/^kind: NetworkPolicy\napiVersion: /m);
  expect(dumped).toMatch(/^ {2}uid: /m);
  expect(dumped).toMatch(/^status: \{\}$/m);
  const openFiles = page.getByTestId('open-files');
  await openFiles.setInputFiles({ name: 'from-cluster.yaml', mimeType: 'application/yaml', buffer: Buffer.from(dumped) });
  await expect(page.getByRole('tab', { name: 'from-cluster.yaml' })).toBeVisible();
  await expect(page.getByTestId('document-summary')).toHaveText(exampleSummary ?? '');
  await expect.poll(() => edgeIds(page), SETTLE).toEqual(exampleEdges);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export ▾' }).click();
  await page.getByRole('menuitem', { name: 'Download everything (YAML)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('workspace.yaml');
  const exported = readFileSync(await file.path(), 'utf8');
  const documents = exported.split(/^---$/m).filter((doc) => doc.trim() !== '');
  expect(documents.length).toBeGreaterThan(5);
  for (const doc of documents) expect(doc.trimStart()).toMatch(/^apiVersion: \S+\nkind: \S+\nmetadata:\n/);
  expect(exported).not.toMatch(/^\s*(status|uid|resourceVersion):/m);
  await expect(page.getByRole('status').filter({ hasText: 'Saved workspace.yaml' })).toBeVisible();

  await openFiles.setInputFiles({ name: 'workspace.yaml', mimeType: 'application/yaml', buffer: Buffer.from(exported) });
  await expect(page.getByRole('tab', { name: 'workspace.yaml' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'from-cluster.yaml' })).toHaveCount(0);
  await expect.poll(() => edgeIds(page), SETTLE).toEqual(exampleEdges);
  await expect(page.getByTestId('document-summary')).toHaveText(exampleSummary ?? '');
});

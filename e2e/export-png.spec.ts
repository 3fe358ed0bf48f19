import { readFileSync, writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function exportImage(page: Page, item: 'Export PNG' | 'Export SVG'): Promise<{ name: string; bytes: Buffer }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export ▾' }).click();
  await page.getByRole('menuitem', { name: item }).click();
  const file = await download;
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** The share of pixels of an 8-bit RGBA PNG that differ clearly from its top-left pixel: 0 for a blank image. */
function inkShare(png: Buffer): number {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect([png[24], png[25], png[28]]).toEqual([8, 6, 0]);
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at)) {
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + png.readUInt32BE(at)));
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * 4;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? pixels[y * stride + x - 4] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4] : 0;
      const paeth = [left, up, upLeft].map((v) => Math.abs(left + up - upLeft - v));
      const predictor = [0, left, up, (left + up) >> 1, paeth[0] <= paeth[1] && paeth[0] <= paeth[2] ? left : paeth[1] <= paeth[2] ? up : upLeft];
      pixels[y * stride + x] = (raw[y * (stride + 1) + 1 + x] + predictor[filter]) & 0xff;
    }
  }
  let inked = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (Math.abs(pixels[i] - pixels[0]) + Math.abs(pixels[i + 1] - pixels[1]) + Math.abs(pixels[i + 2] - pixels[2]) > 48) inked++;
  }
  return inked / (width * height);
}

test('exporting the canvas gives a PNG and an SVG of the whole graph, even when zoomed in', async ({ page }, testInfo) => {
  await page.goto('/');
  const frontendToApi = page.getByTestId('rf__edge-shop/frontend[Deployment]=>shop/api[Deployment]');
  await expect(frontendToApi).toHaveCount(1);
  await expect(page.getByTestId('rf__node-shop/db[StatefulSet]')).toBeVisible();
  await expect(page.locator('.react-flow__viewport')).toHaveCSS('opacity', '1');

  const zoomIn = page.getByRole('button', { name: /zoom in/i });
  for (let i = 0; i < 3; i++) await zoomIn.click();

  const png = await exportImage(page, 'Export PNG');
  expect(png.name).toBe('netpol-canvas.png');
  expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(png.bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  const width = png.bytes.readUInt32BE(16);
  const height = png.bytes.readUInt32BE(20);
  expect(width).toBeGreaterThanOrEqual(400);
  expect(height).toBeGreaterThanOrEqual(300);
  expect(png.bytes.length).toBeGreaterThan(10_000);
  expect(inkShare(png.bytes)).toBeGreaterThan(0.02);
  writeFileSync(testInfo.outputPath('graph.png'), png.bytes);
  await page.screenshot({ path: testInfo.outputPath('zoomed-in-app.png') });

  const svg = await exportImage(page, 'Export SVG');
  expect(svg.name).toBe('netpol-canvas.svg');
  const text = svg.bytes.toString('utf8');
  expect(text.trimStart().startsWith('<svg')).toBe(true);
  for (const name of ['frontend', 'api', 'db', 'coredns', 'TCP 8080']) expect(text).toContain(name);
  const edgeLines = text.match(/<path [^>]*class="react-flow__edge-path[^>]*>/g) ?? [];
  expect(edgeLines.length).toBeGreaterThan(5);
  for (const line of edgeLines) expect(line).toMatch(/ stroke="rgb\(/);
  writeFileSync(testInfo.outputPath('graph.svg'), svg.bytes);
  await expect(page.getByRole('status').filter({ hasText: 'Saved netpol-canvas.svg' })).toBeVisible();
});

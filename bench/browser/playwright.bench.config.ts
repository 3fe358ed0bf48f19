import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

/** The browser bench's own port, so that it never meets the e2e server (4173) or the dev server (5173). */
const port = Number(process.env.BENCH_PORT ?? 4190);
const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(tmpdir(), `netpol-canvas-bench-dist-${port}`);
const vite = join(root, 'node_modules', '.bin', 'vite');
const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const useSystem = existsSync(systemChromium);

/** `npm run bench:browser`: a fresh production build served by `vite preview`, measured in real Chromium at 1440×900. */
export default defineConfig({
  testDir: '.',
  testMatch: 'browser.bench.ts',
  outputDir: join(root, 'test-results', 'bench'),
  workers: 1,
  retries: 0,
  // Every wait inside is bounded by BENCH_TIMEOUT_MS; this only stops a run that is stuck outside them.
  timeout: 90 * 60_000,
  reporter: [['list']],
  use: { baseURL: `http://127.0.0.1:${port}`, trace: 'off', screenshot: 'off', video: 'off' },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
        deviceScaleFactor: 1,
        launchOptions: {
          ...(useSystem ? { executablePath: systemChromium } : {}),
          args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
        },
      },
    },
  ],
  webServer: {
    command: `"${vite}" build --outDir "${outDir}" --emptyOutDir --logLevel warn && "${vite}" preview --outDir "${outDir}" --host 127.0.0.1 --port ${port} --strictPort`,
    cwd: root,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});

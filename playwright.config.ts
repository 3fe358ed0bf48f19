import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const useSystem = existsSync(systemChromium);
/** The port the built app is served on; E2E_PORT lets a second suite run beside this one on the same machine. */
const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './e2e',
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['html', { open: 'never' }], ['json', { outputFile: 'reports/e2e.json' }]],
  // Results come from the analysis worker; on a shared, loaded machine they can take longer than the 5 s default,
  // and a long story (build a three-tier app from nothing: ~60 steps) longer than the 30 s default for a whole test.
  expect: { timeout: 15_000 },
  timeout: 120_000,
  use: { baseURL, trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          ...(useSystem ? { executablePath: systemChromium } : {}),
          args: [
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    // `npm test` has just built the app (E2E_PREBUILT=1): serve that build instead of building it a second time.
    command: `${process.env.E2E_PREBUILT === '1' ? '' : 'npm run build && '}npm run preview -- --port ${port}`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});

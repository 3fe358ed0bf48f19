import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** Takes the README's screenshots (`npm run screenshots`) with the same browser and server as the e2e tests. */
export default defineConfig({
  ...base,
  testDir: './scripts',
  testMatch: 'screenshots.spec.ts',
  retries: 0,
  reporter: [['list']],
});

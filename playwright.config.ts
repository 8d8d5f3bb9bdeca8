import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download cannot reach its CDN from our machines.
const executablePath = process.env.CHROMIUM_PATH ?? (process.platform === 'linux' ? '/usr/bin/chromium' : undefined);
// scripts/test.mjs names the JSON report through the environment; a direct run writes it here.
const jsonReport = process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/playwright.json';

export default defineConfig({
  testDir: './test/ui',
  testMatch: '**/*.spec.ts',
  // Screenshots go to test-results/ui/screenshots/ (test/ui/support/screenshots.ts); Playwright
  // empties its own output folder on every run, so it gets a folder of its own.
  outputDir: './test-results/ui/artifacts',
  globalSetup: './test/ui/support/global-setup.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // One worker: the fake LinkedIn is shared by the worker's tests, and two cores are shared with others.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: jsonReport }]],
  use: {
    launchOptions: {
      executablePath,
      args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    // How the users see it: a laptop screen in Brazil.
    viewport: { width: 1360, height: 900 },
    locale: 'pt-BR',
    timezoneId: 'America/Sao_Paulo',
    colorScheme: 'light',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});

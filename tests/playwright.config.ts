/**
 * Browser tests in Debian's Chromium against a real Konvent server that the global setup
 * starts from source (demo data, fresh data directory) and the returned teardown stops.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/global-setup.ts',
  // Two cores shared with other work: one worker keeps timings steady.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 30_000 },
  // The JSON report feeds the CI summary line (scripts/test-summary.mjs).
  reporter: [['list'], ['json', { outputFile: './test-results/playwright.json' }]],
  // Playwright empties its output folder at start: keep it apart from vitest's report, and
  // let concurrent runs on one machine use their own (KONVENT_E2E_OUTPUT).
  outputDir: process.env.KONVENT_E2E_OUTPUT ?? './test-results/playwright-artifacts',
  use: {
    baseURL: process.env.KONVENT_E2E_URL,
    headless: true,
    locale: 'de-DE',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});

#!/usr/bin/env node
// `pnpm test:e2e`: Playwright with this package's config; extra arguments pass through.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const tests = join(dirname(fileURLToPath(import.meta.url)), '..');
const result = spawnSync('pnpm', ['exec', 'playwright', 'test', '--config', join(tests, 'playwright.config.ts'), ...process.argv.slice(2)], {
  cwd: tests,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);

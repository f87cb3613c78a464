#!/usr/bin/env node
// Adds up the JSON reports of vitest and Playwright into one closing line
// ("N passed, N failed") for CI. Exits non-zero if a report is missing or a test failed.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = resolve(fileURLToPath(import.meta.url), '..', '..', 'tests', 'test-results');
let passed = 0;
let failed = 0;
let missing = false;

const vitestFile = join(dir, 'vitest.json');
if (existsSync(vitestFile)) {
  const v = JSON.parse(readFileSync(vitestFile, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  console.log(`vitest: ${v.numPassedTests} passed, ${v.numFailedTests} failed in ${v.numTotalTestSuites} suites`);
} else {
  console.log('vitest: no report');
  missing = true;
}

const pwFile = join(dir, 'playwright.json');
if (existsSync(pwFile)) {
  const p = JSON.parse(readFileSync(pwFile, 'utf8'));
  const ok = p.stats.expected + p.stats.flaky;
  const bad = p.stats.unexpected;
  passed += ok;
  failed += bad;
  console.log(`playwright: ${ok} passed, ${bad} failed`);
} else {
  console.log('playwright: no report');
  missing = true;
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || missing || passed === 0 ? 1 : 0);

/** Demo logins (DESIGN.md contract) and the few steps every spec repeats. */
import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';

export const demo = {
  moderator: 'moderation@example.org',
  member: 'expert01@example.org',
  observer: 'gast@example.org',
  password: 'konvent-demo',
  workspace: 'Open Source in Kommunen',
};

/** Storage state of a demo person signed in by the global setup (use with test.use). */
export function signedInAs(role: 'moderator' | 'member' | 'observer'): string {
  const dir = process.env.KONVENT_E2E_STATE_DIR;
  if (!dir) throw new Error('KONVENT_E2E_STATE_DIR is not set: run through tests/playwright.config.ts');
  return join(dir, `${role}.json`);
}

/** Opens `/` (which leads into the demo working group) and returns the group's base path. */
export async function openWorkspace(page: Page): Promise<string> {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  const match = /\/a\/[^/]+/.exec(new URL(page.url()).pathname);
  expect(match).not.toBeNull();
  return match![0];
}

/** Logs in through the form, starting at `path` (which may send the person to /anmelden). */
export async function login(page: Page, email: string, path = '/anmelden'): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(demo.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page).not.toHaveURL(/\/anmelden/);
}

/** Logs in and waits for the dashboard of the demo working group; returns its base path. */
export async function loginToDashboard(page: Page, email: string): Promise<string> {
  await login(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  const match = /\/a\/[^/]+/.exec(new URL(page.url()).pathname);
  expect(match).not.toBeNull();
  return match![0];
}

/** axe with the WCAG 2.0/2.1 A and AA rules; returns the serious and critical findings. */
export async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

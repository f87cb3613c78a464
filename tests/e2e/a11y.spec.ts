import { expect, test, type Page } from '@playwright/test';
import { demo, loginToDashboard, seriousViolations } from './helpers';

async function expectClean(page: Page, what: string) {
  expect(await seriousViolations(page), `axe findings on ${what}`).toEqual([]);
}

test('axe: the login page has no serious or critical violations', async ({ page }) => {
  await page.goto('/anmelden');
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  await expectClean(page, 'login');
  // With the error shown, too.
  await page.getByLabel('E-Mail-Adresse').fill(demo.member);
  await page.getByLabel('Passwort', { exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('alert')).toContainText('stimmen nicht');
  await expectClean(page, 'login with error');
});

test('axe: every page of a moderator has no serious or critical violations', async ({ page }) => {
  const base = await loginToDashboard(page, demo.moderator);
  await expect(page.getByRole('progressbar').first()).toBeVisible();
  await expectClean(page, 'dashboard');

  await page.goto(`${base}/bericht`);
  const tree = page.getByRole('treegrid', { name: 'Gliederung des Berichts' });
  await expect(tree.getByRole('row').first()).toBeVisible();
  await expectClean(page, 'outline');

  await page.getByRole('button', { name: 'Abschnitt anlegen' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectClean(page, 'create-section dialog');
  await page.keyboard.press('Escape');

  await tree.getByRole('row').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Brotkrumen' })).toBeVisible();
  await expectClean(page, 'section page');

  await page.goto(`${base}/fokusthemen`);
  await expect(page.getByRole('article').first()).toBeVisible();
  await expectClean(page, 'topics');

  await page.goto(`${base}/mitglieder`);
  await expect(page.getByRole('table')).toBeVisible();
  await expectClean(page, 'members');

  await page.getByRole('button', { name: 'Per Link einladen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Einladungslink erstellen' });
  await dialog.getByRole('button', { name: 'Link erstellen' }).click();
  const link = dialog.getByLabel('Einladungslink');
  await expect(link).toHaveValue(/\/einladung\//);
  await expectClean(page, 'invitation dialog');
  const url = await link.inputValue();

  await page.goto('/einstellungen');
  await expect(page.getByRole('heading', { level: 1, name: 'Profil und Einstellungen' })).toBeVisible();
  await expectClean(page, 'settings');

  await page.goto(`${base}/gibt-es-nicht`);
  await expect(page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' })).toBeVisible();
  await expectClean(page, 'not found');

  // The invitation as someone without an account sees it.
  await page.context().clearCookies();
  await page.goto(new URL(url).pathname);
  await expect(page.getByRole('button', { name: 'Einladung annehmen' })).toBeVisible();
  await expectClean(page, 'invitation page');
});

test('axe: the dashboard and outline at tablet width (768 px) have no serious or critical violations', async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  const base = await loginToDashboard(page, demo.member);
  await expectClean(page, 'dashboard at 768 px');
  await page.goto(`${base}/bericht`);
  await expect(page.getByRole('treegrid').getByRole('row').first()).toBeVisible();
  await expectClean(page, 'outline at 768 px');
});

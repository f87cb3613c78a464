import { expect, test, type Page } from '@playwright/test';
import { demo, openWorkspace, seriousViolations, signedInAs } from './helpers';

async function expectClean(page: Page, what: string) {
  expect(await seriousViolations(page), `axe findings on ${what}`).toEqual([]);
}

test.describe('signed out', () => {
  test('axe: the login page, also with its error, has no serious or critical violations', async ({ page }) => {
    await page.goto('/anmelden');
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
    await expectClean(page, 'login');
    await page.getByLabel('E-Mail-Adresse').fill(demo.member);
    await page.getByLabel('Passwort', { exact: true }).fill('wrong-password');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page.getByRole('alert')).toContainText('stimmen nicht');
    await expectClean(page, 'login with error');
  });
});

test.describe('as moderator', () => {
  test.use({ storageState: signedInAs('moderator') });

  test('axe: dashboard and outline (with the create dialog) are clean', async ({ page }) => {
    const base = await openWorkspace(page);
    await expect(page.getByRole('progressbar').first()).toBeVisible();
    await expectClean(page, 'dashboard');

    await page.goto(`${base}/bericht`);
    await expect(page.getByRole('treegrid').getByRole('row').first()).toBeVisible();
    await expectClean(page, 'outline');
    await page.getByRole('button', { name: 'Abschnitt anlegen' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectClean(page, 'create-section dialog');
  });

  test('axe: the section page is clean', async ({ page }) => {
    const base = await openWorkspace(page);
    await page.goto(`${base}/bericht`);
    const first = page.getByRole('treegrid').getByRole('row').first();
    await first.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('navigation', { name: 'Brotkrumen' })).toBeVisible();
    await expectClean(page, 'section page');
  });

  test('axe: topics and members (with the invitation link) are clean', async ({ page }) => {
    const base = await openWorkspace(page);
    await page.goto(`${base}/fokusthemen`);
    await expect(page.getByRole('article').first()).toBeVisible();
    await expectClean(page, 'topics');

    await page.goto(`${base}/mitglieder`);
    await expect(page.getByRole('table')).toBeVisible();
    await expectClean(page, 'members');
    await page.getByRole('button', { name: 'Per Link einladen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Einladungslink erstellen' });
    await dialog.getByRole('button', { name: 'Link erstellen' }).click();
    await expect(dialog.getByLabel('Einladungslink')).toHaveValue(/\/einladung\//);
    await expectClean(page, 'invitation dialog');
  });

  test('axe: settings and the not-found page are clean', async ({ page }) => {
    const base = await openWorkspace(page);
    await page.goto('/einstellungen');
    await expect(page.getByRole('heading', { level: 1, name: 'Profil und Einstellungen' })).toBeVisible();
    await expectClean(page, 'settings');
    await page.goto(`${base}/gibt-es-nicht`);
    await expect(page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' })).toBeVisible();
    await expectClean(page, 'not found');
  });

  test('axe: an invitation link, opened by someone without an account, is clean', async ({ page, browser }) => {
    const base = await openWorkspace(page);
    await page.goto(`${base}/mitglieder`);
    await page.getByRole('button', { name: 'Per Link einladen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Einladungslink erstellen' });
    await dialog.getByRole('button', { name: 'Link erstellen' }).click();
    const link = dialog.getByLabel('Einladungslink');
    await expect(link).toHaveValue(/\/einladung\//);
    const path = new URL(await link.inputValue()).pathname;

    // A fresh browser context: no session, as a new person would open the link.
    const context = await browser.newContext({ baseURL: process.env.KONVENT_E2E_URL, storageState: { cookies: [], origins: [] } });
    const stranger = await context.newPage();
    await stranger.goto(path);
    await expect(stranger.getByRole('button', { name: 'Einladung annehmen' })).toBeVisible();
    await expect(stranger.getByText('Open Source in Kommunen')).toBeVisible();
    await expectClean(stranger, 'invitation page');
    await context.close();
  });
});

test.describe('as member at tablet width', () => {
  test.use({ storageState: signedInAs('member'), viewport: { width: 768, height: 1024 } });

  test('axe: dashboard and outline at 768 px are clean', async ({ page }) => {
    const base = await openWorkspace(page);
    await expectClean(page, 'dashboard at 768 px');
    await page.goto(`${base}/bericht`);
    await expect(page.getByRole('treegrid').getByRole('row').first()).toBeVisible();
    await expectClean(page, 'outline at 768 px');
  });
});

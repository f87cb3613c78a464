import { expect, test } from '@playwright/test';
import { demo, login, loginToDashboard } from './helpers';

test('a moderator logs in and reaches the dashboard of the demo working group', async ({ page }) => {
  await loginToDashboard(page, demo.moderator);
  await expect(page.getByRole('banner')).toContainText(demo.workspace);
  await expect(page.getByRole('note')).toContainText('Demo');
  await expect(page.getByRole('heading', { name: 'Fokusthemen und Arbeitsgruppen' })).toBeVisible();
  // Every topic shows its progress as a labelled progress bar.
  await expect(page.getByRole('progressbar').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Fällig' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Letzte Aktivitäten' })).toBeVisible();
});

test('a wrong password shows the error and keeps the person on the login page', async ({ page }) => {
  await page.goto('/anmelden');
  await page.getByLabel('E-Mail-Adresse').fill(demo.member);
  await page.getByLabel('Passwort', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('alert')).toContainText('E-Mail-Adresse oder Passwort stimmen nicht');
  await expect(page).toHaveURL(/\/anmelden/);
});

test('someone without a session is sent to the login page and back to where they wanted to go', async ({ page }) => {
  const base = await loginToDashboard(page, demo.member);
  await page.context().clearCookies();
  await page.goto(`${base}/fokusthemen`);
  await expect(page).toHaveURL(/\/anmelden\?zurueck=/);
  await login(page, demo.member, page.url());
  await expect(page).toHaveURL(new RegExp(`${base}/fokusthemen$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Fokusthemen' })).toBeVisible();
});

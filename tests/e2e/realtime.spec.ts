import { expect, test } from '@playwright/test';
import { openWorkspace, signedInAs } from './helpers';

test.use({ storageState: signedInAs('moderator') });

test('a section created by the moderator appears in a member’s open outline without reloading', async ({ page, browser }) => {
  const base = await openWorkspace(page);
  await expect(page.getByRole('status').filter({ hasText: 'Live verbunden' })).toBeVisible();

  const member = await browser.newContext({ storageState: signedInAs('member'), baseURL: process.env.KONVENT_E2E_URL });
  const other = await member.newPage();
  await other.goto(`${base}/bericht`);
  const otherTree = other.getByRole('treegrid', { name: 'Gliederung des Berichts' });
  await expect(otherTree.getByRole('row').first()).toBeVisible();
  await expect(other.getByRole('status').filter({ hasText: 'Live verbunden' })).toBeVisible();

  const title = `Anhang ${Date.now()}`;
  await page.goto(`${base}/bericht`);
  await page.getByRole('button', { name: 'Abschnitt anlegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Neuer Abschnitt' });
  await dialog.getByLabel('Titel').fill(title);
  await dialog.getByRole('button', { name: 'Abschnitt anlegen' }).click();
  await expect(dialog).toBeHidden();

  await expect(otherTree.getByRole('row', { name: title, exact: true })).toBeVisible();
  await member.close();
});

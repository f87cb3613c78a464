import { expect, test } from '@playwright/test';
import { openWorkspace, signedInAs } from './helpers';

test.use({ storageState: signedInAs('observer') });

test('an observer (Gast) reads everything but is offered no edit actions', async ({ page }) => {
  const base = await openWorkspace(page);

  await page.goto(`${base}/bericht`);
  const tree = page.getByRole('treegrid', { name: 'Gliederung des Berichts' });
  await expect(tree.getByRole('row').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Abschnitt anlegen' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Aktionen für/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Verschieben:/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Papierkorb' })).toHaveCount(0);

  await page.goto(`${base}/fokusthemen`);
  await expect(page.getByRole('article').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Fokusthema anlegen' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /bearbeiten$/ })).toHaveCount(0);
  // The header's search is a combobox for everyone; the page itself offers none to a guest.
  await expect(page.getByRole('main').getByRole('combobox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /AG-Leitung:/ })).toHaveCount(0);

  await page.goto(`${base}/mitglieder`);
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Per Link einladen' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Mitglied anlegen' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: /^Rolle von/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /entfernen$/ })).toHaveCount(0);
  // Names and organisations, but no one's e-mail address except the guest's own.
  const table = page.getByRole('table');
  await expect(table.getByText('gast@example.org')).toBeVisible();
  await expect(table.getByText('@example.org')).toHaveCount(1);
  await expect(table.getByRole('rowheader').nth(2)).not.toContainText('@');
});

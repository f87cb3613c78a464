import { expect, test } from '@playwright/test';
import { openWorkspace, seriousViolations, signedInAs } from './helpers';

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

test('the outline shows who is in a section right now, live, and drops them when they leave', async ({ page, browser }) => {
  const base = await openWorkspace(page);
  await page.goto(`${base}/bericht`);
  const tree = page.getByRole('treegrid', { name: 'Gliederung des Berichts' });
  const first = tree.getByRole('row').first();
  await expect(first).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Live verbunden' })).toBeVisible();
  const sectionId = (await first.getAttribute('data-key'))!;
  const title = (await first.locator('.k-tree__title').textContent())!;
  const row = tree.getByRole('row', { name: title, exact: true });
  await expect(row.getByTestId('section-presence')).toHaveCount(0);

  const member = await browser.newContext({ storageState: signedInAs('member'), baseURL: process.env.KONVENT_E2E_URL });
  try {
    const other = await member.newPage();
    const me = await (await other.request.get('/api/me')).json();
    const name: string = me.user.name;
    await other.goto(`${base}/bericht/${sectionId}`);
    await expect(other.getByTestId('editor-presence')).toContainText(name);

    // Without reloading: the name as text a screen reader reads, not only a coloured circle.
    await expect(row.getByText(`Jetzt im Abschnitt: ${name}`, { exact: true })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // Leaving the section page closes the co-editing connection.
    await other.goto(`${base}/bericht`);
    await expect(row.getByTestId('section-presence')).toHaveCount(0);
  } finally {
    await member.close();
  }
});

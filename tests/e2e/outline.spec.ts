import { expect, test, type Page } from '@playwright/test';
import { openWorkspace, signedInAs } from './helpers';

const tree = (page: Page) => page.getByRole('treegrid', { name: 'Gliederung des Berichts' });
const row = (page: Page, title: string) => tree(page).getByRole('row', { name: title, exact: true });

/** Titles of the top-level rows in their order. */
async function rootTitles(page: Page): Promise<string[]> {
  return tree(page).locator('[role="row"][aria-level="1"] .k-tree__title').allTextContents();
}

test.use({ storageState: signedInAs('moderator') });

test('a moderator creates, renames and moves a section by keyboard; the order survives a reload', async ({ page }) => {
  await openWorkspace(page);
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Bericht' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bericht' })).toBeVisible();
  await expect(tree(page)).toBeVisible();

  const title = `Glossar ${Date.now()}`;
  await page.getByRole('button', { name: 'Abschnitt anlegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Neuer Abschnitt' });
  await dialog.getByLabel('Titel').fill(title);
  await dialog.getByRole('button', { name: 'Abschnitt anlegen' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, title)).toBeVisible();
  // New sections go to the end of the outline.
  expect((await rootTitles(page)).at(-1)).toBe(title);

  const renamed = `${title} (neu)`;
  await page.getByRole('button', { name: `Aktionen für ${title}` }).click();
  await page.getByRole('menuitem', { name: 'Umbenennen' }).click();
  const renameDialog = page.getByRole('dialog', { name: 'Abschnitt umbenennen' });
  await renameDialog.getByLabel('Titel').fill(renamed);
  await renameDialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(row(page, renamed)).toBeVisible();

  // Keyboard only: focus the row, Alt+↑ moves it above its previous sibling.
  const before = await rootTitles(page);
  const previous = before.at(-2)!;
  await row(page, renamed).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByRole('status').filter({ hasText: `„${renamed}“ ist jetzt an Position ${before.length - 1}` })).toBeVisible();
  await expect(row(page, renamed)).toBeFocused();
  const expected = [...before.slice(0, -2), renamed, previous];
  await expect.poll(() => rootTitles(page)).toEqual(expected);

  // The move was saved: after a reload the server's order is the same.
  await page.waitForLoadState('networkidle');
  await page.reload();
  await expect(row(page, renamed)).toBeVisible();
  expect(await rootTitles(page)).toEqual(expected);

  // And through the row's actions menu, by keyboard only: → walks into the row to the
  // actions button, Enter opens the menu, ↓ walks to "Nach unten", Enter moves the section.
  await row(page, renamed).focus();
  const actions = page.getByRole('button', { name: `Aktionen für ${renamed}` });
  for (let i = 0; i < 5 && !(await actions.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('ArrowRight');
  }
  await expect(actions).toBeFocused();
  await page.keyboard.press('Enter');
  const moveDown = page.getByRole('menuitem', { name: /Nach unten/ });
  await expect(moveDown).toBeVisible();
  for (let i = 0; i < 8 && !(await moveDown.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(moveDown).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => rootTitles(page)).toEqual([...before.slice(0, -2), previous, renamed]);
});

test('Enter on a row opens the section page with its breadcrumbs', async ({ page }) => {
  const base = await openWorkspace(page);
  await page.goto(`${base}/bericht`);
  const first = tree(page).getByRole('row').first();
  const title = (await first.locator('.k-tree__title').textContent())!;
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Brotkrumen' }).getByRole('link', { name: 'Bericht' })).toBeVisible();
});

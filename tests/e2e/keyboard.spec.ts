import { expect, test, type Page } from '@playwright/test';
import { demo, openWorkspace, signedInAs } from './helpers';

test.use({ storageState: signedInAs('member') });

/** The focused element draws a visible outline (KERN's 4px focus ring or ours). */
async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const shadow = style.boxShadow !== 'none';
    return outline || shadow;
  });
}

async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    // An input is named by its <label>; everything else here by aria-label or its text.
    const input = el instanceof HTMLInputElement ? el : null;
    return (el?.getAttribute('aria-label') ?? input?.labels?.[0]?.textContent ?? el?.textContent ?? '').trim();
  });
}

test('keyboard alone: skip link, header, navigation and main, each with a visible focus', async ({ page }) => {
  const base = await openWorkspace(page);

  // First stop: the skip link, visible once focused.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  expect(await focusIsVisible(page)).toBe(true);

  // Then the header and the main navigation in reading order, every stop visibly focused.
  const expected = ['Konvent', demo.workspace, 'Im Arbeitskreis suchen', 'Benachrichtigungen', 'Benutzermenü', 'Übersicht', 'Bericht', 'Fokusthemen', 'Mitglieder'];
  for (const name of expected) {
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toContain(name);
    expect(await focusIsVisible(page), `visible focus on ${name}`).toBe(true);
  }
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(nav.getByRole('link', { name: 'Mitglieder' })).toBeFocused();

  // Enter follows the link; focus lands on the new page's heading.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Mitglieder' })).toBeFocused();

  // The skip link jumps past header and navigation into main.
  // (The members page: its filter is the first control in main for every role.)
  await page.goto(`${base}/mitglieder`);
  await expect(page.getByRole('table')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('searchbox', { name: 'Mitglieder filtern' })).toBeFocused();
  expect(await focusIsVisible(page)).toBe(true);
});

test('the user menu opens with the keyboard, Escape closes it and focus returns', async ({ page }) => {
  await openWorkspace(page);
  const button = page.getByRole('button', { name: /Benutzermenü/ });
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Abmelden' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
});

test('a page that finishes loading late takes the focus only if the person has not moved on', async ({ page }) => {
  const base = await openWorkspace(page);
  // The server's own answer for a section, held back until the test lets it through (a slow line).
  const held: (() => void)[] = [];
  const release = async () => {
    await expect.poll(() => held.length).toBeGreaterThan(0);
    held.splice(0).forEach((go) => go());
  };
  await page.route(/\/api\/sections\/[0-9a-f-]+$/, async (route) => {
    await new Promise<void>((resolve) => held.push(resolve));
    await route.continue();
  });
  await page.goto(`${base}/bericht`);
  const rows = page.getByRole('treegrid', { name: 'Gliederung des Berichts' }).getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  const titles = await rows.locator('.k-tree__title').allTextContents();
  expect(titles.length).toBeGreaterThan(1);
  const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });

  // Opened by keyboard and left alone: the heading takes the focus once it is there.
  await rows.first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/bericht\/[0-9a-f-]+$/);
  await expect(page.getByRole('status').filter({ hasText: 'Wird geladen' }).first()).toBeVisible();
  await release();
  await expect(page.getByRole('heading', { level: 1, name: titles[0] })).toBeFocused();

  // Opened, and while it loads the person tabs on: the late heading leaves them there.
  await page.goBack();
  await rows.nth(1).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/bericht\/[0-9a-f-]+$/);
  await expect.poll(() => held.length).toBeGreaterThan(0);
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await release();
  const heading = page.getByRole('heading', { level: 1, name: titles[1] });
  await expect(heading).toBeVisible();
  // The page rendered and its focus effect ran: the section's text has arrived as well.
  await expect(page.locator('.ProseMirror')).toBeVisible();
  await expect(skip).toBeFocused();
  await expect(heading).not.toBeFocused();
});

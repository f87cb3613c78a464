/**
 * Drafting the report in the browser: search from the header, a mention that reaches the other
 * person's bell live, the outline's filters and overdue marking, and axe on the open popovers.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { MemberJSON, SectionJSON } from '@konvent/shared';
import { demo, openWorkspace, seriousViolations, signedInAs } from './helpers';

test.use({ storageState: signedInAs('moderator') });

const bell = (page: Page) => page.getByRole('banner').getByRole('button', { name: /^Benachrichtigungen/ });

/** The unread count from the bell's accessible name ("Benachrichtigungen, 3 ungelesen"). */
async function unreadCount(page: Page): Promise<number> {
  const name = (await bell(page).getAttribute('aria-label')) ?? '';
  const match = /, (\d+) ungelesen/.exec(name);
  return match ? Number(match[1]) : 0;
}

async function sectionsOf(request: APIRequestContext, workspaceId: string): Promise<SectionJSON[]> {
  const res = await request.get(`/api/workspaces/${workspaceId}/sections`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { data: SectionJSON[] }).data;
}

test('a mention shows up live in the other person’s bell and leads to the section', async ({ page, browser }) => {
  const base = await openWorkspace(page);
  const workspaceId = base.split('/').at(-1)!;
  const membersRes = await page.request.get(`/api/workspaces/${workspaceId}/members`);
  const members = ((await membersRes.json()) as { data: MemberJSON[] }).data;
  const expert = members.find((m) => m.email === demo.member)!;
  const section = (await sectionsOf(page.request, workspaceId))[0]!;

  const other = await browser.newContext({ storageState: signedInAs('member'), baseURL: process.env.KONVENT_E2E_URL });
  try {
    const expertPage = await other.newPage();
    await openWorkspace(expertPage);
    await expect(expertPage.getByRole('status').filter({ hasText: 'Live verbunden' })).toBeVisible();
    await expect(bell(expertPage)).toBeVisible();
    const before = await unreadCount(expertPage);

    const token = `Bitte prüfen ${Date.now()}`;
    const res = await page.request.post(`/api/sections/${section.id}/threads`, {
      data: { body: `${token}, @[${expert.name}](user:${expert.userId}) – danke!` },
    });
    expect(res.status()).toBe(201);

    // No reload: the count comes over socket.io, and the arrival is announced politely.
    await expect(bell(expertPage)).toHaveAccessibleName(`Benachrichtigungen, ${before + 1} ungelesen`);
    await expect(expertPage.locator('[aria-live="polite"]').filter({ hasText: 'Neue Benachrichtigung' })).toBeVisible();

    await bell(expertPage).click();
    const item = expertPage.getByRole('menuitem').filter({ hasText: token });
    await expect(item).toBeVisible();
    await expect(item).toContainText('Erwähnung');
    await item.click();
    await expect(expertPage).toHaveURL(new RegExp(`/bericht/${section.id}`));
    await expect(bell(expertPage)).toHaveAccessibleName(before === 0 ? 'Benachrichtigungen' : `Benachrichtigungen, ${before} ungelesen`);

    // A second mention, then by keyboard: open the bell with Enter, mark all read from the menu.
    const again = await page.request.post(`/api/sections/${section.id}/threads`, {
      data: { body: `Noch eine Frage an @[${expert.name}](user:${expert.userId})` },
    });
    expect(again.status()).toBe(201);
    await expect(bell(expertPage)).toHaveAccessibleName(`Benachrichtigungen, ${before + 1} ungelesen`);
    await bell(expertPage).focus();
    await expertPage.keyboard.press('Enter');
    const readAll = expertPage.getByRole('menuitem', { name: 'Alle als gelesen markieren' });
    await expect(readAll).toBeVisible();
    await readAll.click();
    await expect(bell(expertPage)).toHaveAccessibleName('Benachrichtigungen');
  } finally {
    await other.close();
  }
});

test('search from the header finds words of a section’s text, also umlauts typed without, and opens the section', async ({ page }) => {
  await openWorkspace(page);
  const search = page.getByRole('banner').getByRole('combobox', { name: 'Im Arbeitskreis suchen' });

  await search.fill('Lindenfeld');
  const listbox = page.getByRole('listbox');
  const hit = listbox.getByRole('option', { name: /Abschnitt.*Stadt Lindenfeld/ });
  await expect(hit).toBeVisible();
  await expect(hit).toContainText('Fokusthema:');
  await expect(hit.locator('mark').first()).toHaveText(/Lindenfeld/i);
  // Keyboard: ↓ to the first result, Enter opens it.
  await search.press('ArrowDown');
  await search.press('Enter');
  await expect(page).toHaveURL(/\/bericht\/[^/?]+/);
  await expect(page.getByRole('heading', { level: 1, name: 'Stadt Lindenfeld: Bürokommunikation mit offenen Standards' })).toBeVisible();

  // "Burgerschaft" without the umlaut finds "Bürgerschaft" in the text; the snippet shows the original.
  await search.fill('Burgerschaft');
  const umlaut = listbox.getByRole('option').filter({ has: page.locator('mark', { hasText: 'Bürgerschaft' }) }).first();
  await expect(umlaut).toBeVisible();
  await umlaut.click();
  await expect(page).toHaveURL(/\/bericht\/[^/?]+/);
  await expect(search).toHaveValue('');

  // Nothing found and too short are said in words.
  await search.fill('Xylophonorchester');
  await expect(listbox).toContainText('Keine Treffer für „Xylophonorchester“.');
  await search.fill('X');
  await expect(listbox).toContainText('mindestens 2 Zeichen');
});

test('the outline filters by status (URL keeps it) and marks an overdue section in words', async ({ page }) => {
  const base = await openWorkspace(page);
  const workspaceId = base.split('/').at(-1)!;
  const sections = await sectionsOf(page.request, workspaceId);
  const hasChildren = (id: string) => sections.some((s) => s.parentId === id);
  const inReview = sections.find((s) => s.status === 'review' && !hasChildren(s.id))!;
  const draftLeaf = sections.find((s) => s.status === 'draft' && !hasChildren(s.id))!;
  const res = await page.request.patch(`/api/sections/${inReview.id}`, { data: { dueDate: '2020-03-02' } });
  expect(res.ok()).toBe(true);

  await page.goto(`${base}/bericht`);
  const tree = page.getByRole('treegrid', { name: 'Gliederung des Berichts' });
  const row = (title: string) => tree.getByRole('row', { name: title, exact: true });
  await expect(row(draftLeaf.title)).toBeVisible();
  await expect(row(inReview.title)).toContainText('überfällig');
  await expect(row(inReview.title)).toContainText('Wörter');

  await page.getByLabel('Status').selectOption({ label: 'In Prüfung' });
  await expect(page).toHaveURL(/[?&]status=review/);
  await expect(row(draftLeaf.title)).toBeHidden();
  await expect(row(inReview.title)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Abschnitten sichtbar' })).toBeVisible();

  // The filter lives in the URL: a reload shows the same view.
  await page.reload();
  await expect(page.getByLabel('Status')).toHaveValue('review');
  await expect(row(inReview.title)).toBeVisible();
  await expect(row(draftLeaf.title)).toBeHidden();

  await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
  await expect(row(draftLeaf.title)).toBeVisible();
});

test('axe: outline filters and the bell popover are clean; search results are shown', async ({ page }) => {
  const base = await openWorkspace(page);
  await page.goto(`${base}/bericht?status=draft`);
  await expect(page.getByRole('treegrid').getByRole('row').first()).toBeVisible();
  expect(await seriousViolations(page), 'axe on the filtered outline').toEqual([]);

  const search = page.getByRole('banner').getByRole('combobox', { name: 'Im Arbeitskreis suchen' });
  await search.fill('Lindenfeld');
  await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();
  await search.press('Escape');

  await bell(page).click();
  await expect(page.getByRole('menu', { name: 'Benachrichtigungen' })).toBeVisible();
  expect(await seriousViolations(page), 'axe with the bell open').toEqual([]);
});

/**
 * Drafting the report in the browser: search from the header (also for a word just typed in
 * the editor), a mention that reaches the other person's bell live, the outline's filters and
 * overdue marking, the status workflow from the section page and the outline's menu, and axe
 * on the open popovers.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { MemberJSON, SectionJSON } from '@konvent/shared';
import { demo, openWorkspace, seriousViolations, signedInAs } from './helpers';
import { editorText, marker, openSection, typeAtEnd } from './support/editor';

test.use({ storageState: signedInAs('moderator') });

const bell = (page: Page) => page.getByRole('banner').getByRole('button', { name: /^Benachrichtigungen/ });
const searchField = (page: Page) => page.getByRole('banner').getByRole('combobox', { name: 'Im Arbeitskreis suchen' });
const searchResults = (page: Page) => page.getByRole('banner').getByRole('listbox', { name: 'Suchergebnisse' });

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
    // The section opens on the mentioning thread, with the focus on it.
    await expect(expertPage.locator('[data-thread-id]').filter({ hasText: token })).toBeFocused();
    await expect(bell(expertPage)).toHaveAccessibleName(before === 0 ? 'Benachrichtigungen' : `Benachrichtigungen, ${before} ungelesen`);

    // A second mention, then by keyboard: open the bell with Enter, mark all read from the menu.
    const again = await page.request.post(`/api/sections/${section.id}/threads`, {
      data: { body: `Noch eine Frage an @[${expert.name}](user:${expert.userId})` },
    });
    expect(again.status()).toBe(201);
    await expect(bell(expertPage)).toHaveAccessibleName(`Benachrichtigungen, ${before + 1} ungelesen`);
    await bell(expertPage).focus();
    await expect(bell(expertPage)).toBeFocused();
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
  const search = searchField(page);

  await search.fill('Lindenfeld');
  const listbox = searchResults(page);
  const hit = listbox.getByRole('option', { name: /Abschnitt.*Stadt Lindenfeld/ });
  await expect(hit).toBeVisible();
  await expect(hit).toContainText('Fokusthema:');
  await expect(hit.locator('mark').first()).toHaveText(/Lindenfeld/i);
  // Non-modal: the page behind the results stays available to assistive technology.
  await expect(page.getByRole('main')).not.toHaveAttribute('aria-hidden', 'true');
  await expect(page.getByRole('status').filter({ hasText: /\d+ Treffer/ })).toBeAttached();
  await expect(search).toHaveAttribute('aria-expanded', 'true');
  // Escape closes the list and keeps the words; ↓ brings the list back.
  await search.press('Escape');
  await expect(listbox).toBeHidden();
  await expect(search).toHaveAttribute('aria-expanded', 'false');
  await expect(search).toHaveValue('Lindenfeld');
  await expect(search).toBeFocused();
  // Keyboard: ↓ to the first result (highlighted through aria-activedescendant), Enter opens it.
  await search.press('ArrowDown');
  await expect(hit).toBeVisible();
  const firstId = await listbox.getByRole('option').first().getAttribute('id');
  await search.press('ArrowDown');
  await expect(search).toHaveAttribute('aria-activedescendant', firstId!);
  await expect(listbox.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
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
  const header = page.getByRole('banner');
  await search.fill('Xylophonorchester');
  await expect(header).toContainText('Keine Treffer für „Xylophonorchester“.');
  await expect(page.getByRole('status').filter({ hasText: 'Keine Treffer für „Xylophonorchester“.' })).toBeAttached();
  await expect(search).toHaveAttribute('aria-expanded', 'false');
  await search.fill('X');
  await expect(header).toContainText('mindestens 2 Zeichen');
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

test('axe: outline filters, open search results and the bell popover are clean', async ({ page }) => {
  const base = await openWorkspace(page);
  await page.goto(`${base}/bericht?status=draft`);
  await expect(page.getByRole('treegrid').getByRole('row').first()).toBeVisible();
  expect(await seriousViolations(page), 'axe on the filtered outline').toEqual([]);

  const search = searchField(page);
  await search.fill('Lindenfeld');
  await expect(searchResults(page).getByRole('option').first()).toBeVisible();
  await search.press('ArrowDown');
  await expect(search).toHaveAttribute('aria-activedescendant', /.+/);
  expect(await seriousViolations(page), 'axe with the search results open').toEqual([]);
  await search.press('Escape');
  await expect(searchResults(page)).toBeHidden();

  await bell(page).click();
  await expect(page.getByRole('menu', { name: 'Benachrichtigungen' })).toBeVisible();
  expect(await seriousViolations(page), 'axe with the bell open').toEqual([]);
});

test('search finds a word just typed in the editor, and a click opens that section', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ storageState: signedInAs('member'), baseURL });
  try {
    const page = await context.newPage();
    const base = await openWorkspace(page);
    const workspaceId = base.split('/').at(-1)!;
    const section = (await sectionsOf(page.request, workspaceId)).find((s) => s.abilities.edit)!;
    expect(section, 'a section the demo member may write').toBeTruthy();

    await openSection(page, `${base}/bericht/${section.id}`);
    const word = marker('Quittenkompott');
    await typeAtEnd(page, ` ${word}`);
    await expect(editorText(page)).toContainText(word);

    // Somewhere else in the app, then search from the header.
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Übersicht' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
    const search = searchField(page);
    const hit = searchResults(page)
      .getByRole('option', { name: new RegExp(section.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
      .filter({ has: page.locator('mark', { hasText: word }) });
    // The server indexes co-edited text once typing has settled for 2 s (collab
    // derivedDataDelayMs); until then the search finds nothing, so search again until it does.
    await expect(async () => {
      await search.fill('');
      await search.fill(word);
      await expect(hit).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000, intervals: [500, 1_000, 2_000] });

    await hit.click();
    await expect(page).toHaveURL(new RegExp(`/bericht/${section.id}$`));
    await expect(page.getByRole('heading', { level: 1, name: section.title })).toBeVisible();
    await expect(editorText(page)).toContainText(word);
    await expect(search).toHaveValue('');
  } finally {
    await context.close();
  }
});

test('a subgroup lead hands a section to review on its page and back from the outline; a guest sees no status controls', async ({ browser, baseURL }) => {
  const lead = await browser.newContext({ storageState: signedInAs('member'), baseURL });
  const guest = await browser.newContext({ storageState: signedInAs('observer'), baseURL });
  let changed: SectionJSON | undefined;
  try {
    const page = await lead.newPage();
    const base = await openWorkspace(page);
    const workspaceId = base.split('/').at(-1)!;
    // expert01 leads a subgroup in the demo: a draft section of it offers the hand-over.
    const section = (await sectionsOf(page.request, workspaceId)).find(
      (s) => s.status === 'draft' && s.topicId && s.abilities.setStatus && !s.abilities.finalize,
    )!;
    expect(section, 'a draft section of a subgroup the demo member leads').toBeTruthy();
    changed = section;

    await page.goto(`${base}/bericht/${section.id}`);
    const facts = page.locator('.k-section-facts');
    const controls = page.getByRole('group', { name: 'Status ändern' });
    await expect(facts).toContainText('Entwurf');
    // Only what a lead may do: no "final" for them.
    await expect(controls.getByRole('button')).toHaveText(['Zur Prüfung geben']);
    expect(await seriousViolations(page), 'axe on the section page with status controls').toEqual([]);

    await controls.getByRole('button', { name: 'Zur Prüfung geben' }).click();
    await expect(page.getByRole('status').filter({ hasText: `„${section.title}“ ist jetzt „In Prüfung“.` })).toBeVisible();
    await expect(facts).toContainText('In Prüfung');
    const back = controls.getByRole('button', { name: 'Zurück in den Entwurf' });
    await expect(back).toBeVisible();
    // The pressed button is gone: the focus stays with the status controls.
    await expect(back).toBeFocused();

    // The guest reads the same section: the new status, and nothing to change it with.
    const guestPage = await guest.newPage();
    await guestPage.goto(`${base}/bericht/${section.id}`);
    await expect(guestPage.locator('.k-section-facts')).toContainText('In Prüfung');
    await expect(guestPage.getByRole('group', { name: 'Status ändern' })).toHaveCount(0);
    await expect(guestPage.getByRole('button', { name: /Zur Prüfung geben|Zurück in den Entwurf|Als abgestimmt festlegen|Wieder öffnen/ })).toHaveCount(0);

    // Back to draft from the row's action menu in the outline.
    await page.goto(`${base}/bericht`);
    const row = page.getByRole('treegrid', { name: 'Gliederung des Berichts' }).getByRole('row', { name: section.title, exact: true });
    await expect(row).toContainText('In Prüfung');
    await row.getByRole('button', { name: `Aktionen für ${section.title}` }).click();
    await page.getByRole('menuitem', { name: 'Status ändern …' }).click();
    // The submenu is named by the item that opens it.
    const submenu = page.getByRole('menu', { name: 'Status ändern …' });
    await expect(submenu.getByRole('menuitem')).toHaveText(['Zurück in den Entwurf']);
    await submenu.getByRole('menuitem', { name: 'Zurück in den Entwurf' }).click();
    await expect(page.getByRole('status').filter({ hasText: `„${section.title}“ ist jetzt „Entwurf“.` })).toBeVisible();
    await expect(row).toContainText('Entwurf');
    await expect(row).not.toContainText('In Prüfung');
  } finally {
    // Leave the demo as it was, also when a step above failed.
    if (changed) await lead.request.patch(`/api/sections/${changed.id}`, { data: { status: 'draft' } });
    await lead.close();
    await guest.close();
  }
});

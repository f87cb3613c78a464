/**
 * Comments in the browser: two experts of one subgroup in the same section. One selects a
 * passage and comments on it with a mention picked from the autocomplete; both see the
 * highlight; the passage keeps its highlight while the other types before it; a reply and
 * resolve/reopen arrive live; the quote jumps to the passage; deleting the passage leaves the
 * thread listed as detached. A `?thread=` link opens the thread; a guest reads and cannot write.
 */
import { expect, test, type Page } from '@playwright/test';
import type { ThreadJSON } from '@konvent/shared';
import { seriousViolations } from './helpers';
import { apiAs, editorText, guestEmail, marker, openAs, sectionPath, sharedScene, typeAtEnd, typeAtStart } from './support/editor';

/** Wide enough for the panel beside the text (it folds away below 1100 px). */
const wide = { width: 1400, height: 900 };

const panel = (page: Page) => page.getByRole('complementary', { name: /^Kommentare/ });
const threadCard = (page: Page, text: string) => panel(page).getByRole('article').filter({ hasText: text });
const highlight = (page: Page) => editorText(page).locator('.k-comment-mark');

/** Types `word` at the end of the text and selects it with the keyboard. */
async function typeAndSelect(page: Page, word: string): Promise<void> {
  await typeAtEnd(page, ` ${word}`);
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(word);
  // The editor takes the browser's selection over a moment later (on 'selectionchange'); a
  // shortcut pressed before that would still see the caret. Tiptap puts itself on its element.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const editor = (document.querySelector('.ProseMirror') as (HTMLElement & { editor?: any }) | null)?.editor;
        const { from, to } = editor?.state.selection ?? { from: 0, to: 0 };
        return editor?.state.doc.textBetween(from, to) as string | undefined;
      }),
    )
    .toBe(word);
}

test.describe('comments', () => {
  test('comment on a selection with a mention: highlighted for both, anchored while the other types, reply, resolve, jump, detached', async ({
    browser,
    baseURL,
  }) => {
    const s = await sharedScene(baseURL);
    const [first, second] = s.writers;
    const a = await openAs(browser, baseURL, first.email, sectionPath(s), wide);
    const b = await openAs(browser, baseURL, second.email, sectionPath(s), wide);
    try {
      const word = marker('Absatzwort');
      await typeAndSelect(a, word);
      await expect(editorText(b)).toContainText(word);

      // Comment on the selection; the @ autocomplete offers the other expert.
      await panel(a).getByRole('button', { name: 'Kommentieren' }).click();
      const composer = panel(a).getByRole('form', { name: 'Neuer Kommentar' });
      await expect(composer).toContainText(`Zur Textstelle: ${word}`);
      const field = composer.getByRole('textbox', { name: 'Ihr Kommentar' });
      await expect(field).toBeFocused();
      const note = marker('Frage');
      await field.pressSequentially(`${note} an @${second.name.slice(0, 3)}`);
      const option = composer.getByRole('option', { name: second.name });
      await expect(option).toBeVisible();
      await expect(field).toHaveAttribute('aria-activedescendant', /.+/);
      await field.press('Enter');
      await expect(field).toHaveValue(`${note} an @${second.name} `);
      await field.press('Control+Enter');

      // Saved: listed with the quote, the mention set apart, and the passage highlighted for both.
      const cardA = threadCard(a, note);
      await expect(cardA).toBeVisible();
      await expect(cardA.getByRole('button', { name: `Zur Textstelle springen: „${word}“` })).toBeVisible();
      await expect(cardA.locator('.k-mention')).toHaveText(`@${second.name}`);
      await expect(highlight(a)).toHaveText(word);
      await expect(threadCard(b, note)).toBeVisible();
      await expect(highlight(b)).toHaveText(word);

      // The other expert types before the passage: the highlight stays on the same word.
      await typeAtStart(b, `${marker('Vorwort')} `);
      await expect(editorText(a)).toContainText('Vorwort');
      await expect(highlight(a)).toHaveText(word);

      // A reply arrives live on the other side.
      const cardB = threadCard(b, note);
      await cardB.getByRole('button', { name: 'Antworten' }).click();
      const reply = marker('Antwort');
      await cardB.getByRole('textbox', { name: 'Ihre Antwort' }).fill(reply);
      await cardB.getByRole('button', { name: 'Antwort senden' }).click();
      await expect(cardA).toContainText(reply);

      // The quote leads to the passage: the text gets the focus with the word selected.
      await editorText(a).click();
      await a.keyboard.press('Control+Home');
      await cardA.getByRole('button', { name: /^Zur Textstelle springen/ }).click();
      await expect(editorText(a)).toBeFocused();
      await expect.poll(() => a.evaluate(() => window.getSelection()?.toString())).toBe(word);

      // Resolve: gone from "Offen" and from the text for both; "Erledigt" lists it; reopen.
      await cardA.getByRole('button', { name: 'Erledigt' }).click();
      await expect(threadCard(b, note)).toHaveCount(0);
      await expect(highlight(b)).toHaveCount(0);
      await panel(b).getByRole('radio', { name: 'Erledigt' }).check();
      await expect(threadCard(b, note)).toBeVisible();
      await threadCard(b, note).getByRole('button', { name: 'Wieder öffnen' }).click();
      await expect(threadCard(a, note)).toBeVisible();
      await expect(highlight(a)).toHaveText(word);

      // Deleting the passage detaches the thread; it stays listed with its quote.
      // A key pressed right after the jump goes to the text: the focus moves within the click.
      const focusedAtOnce = await cardA
        .getByRole('button', { name: /^Zur Textstelle springen/ })
        .evaluate((button) => {
          (button as HTMLButtonElement).click();
          return document.activeElement?.classList.contains('ProseMirror') === true;
        });
      expect(focusedAtOnce).toBe(true);
      await expect.poll(() => a.evaluate(() => window.getSelection()?.toString())).toBe(word);
      await a.keyboard.press('Delete');
      await expect(editorText(b)).not.toContainText(word);
      for (const page of [a, b]) {
        await panel(page).getByRole('radio', { name: 'Alle' }).check();
        const card = threadCard(page, note);
        await expect(card).toContainText('Textstelle gelöscht');
        await expect(card).toContainText(word);
        await expect(highlight(page)).toHaveCount(0);
      }
      // The server agrees, for clients that never had the editor open.
      const api = await apiAs(baseURL!, first.email);
      try {
        await expect
          .poll(async () => {
            const res = await api.get(`/api/sections/${s.section.id}/threads`);
            const threads = ((await res.json()) as { data: ThreadJSON[] }).data;
            return threads.find((t) => t.comments.some((c) => c.body.includes(note)))?.detached;
          })
          .toBe(true);
      } finally {
        await api.dispose();
      }
    } finally {
      await a.context().close();
      await b.context().close();
    }
  });

  test('Ctrl+Alt+M comments on the selection by keyboard; a ?thread= link opens that thread; a guest reads but cannot write', async ({
    browser,
    baseURL,
  }) => {
    const s = await sharedScene(baseURL);
    const a = await openAs(browser, baseURL, s.writers[0].email, sectionPath(s), wide);
    let threadId = '';
    try {
      const word = marker('Tastatur');
      await typeAndSelect(a, word);
      await a.keyboard.press('Control+Alt+m');
      const field = panel(a).getByRole('textbox', { name: 'Ihr Kommentar' });
      await expect(field).toBeFocused();
      await expect(panel(a).getByRole('form', { name: 'Neuer Kommentar' })).toContainText(word);
      const note = marker('PerTastatur');
      await field.fill(note);
      await field.press('Control+Enter');
      const card = threadCard(a, note);
      await expect(card).toBeVisible();
      await expect(card).toBeFocused();
      threadId = (await card.getAttribute('data-thread-id')) ?? '';
      expect(threadId).not.toBe('');
      await expect(a).toHaveURL(new RegExp(`[?&]thread=${threadId}`));

      // axe on the page with the panel, a thread and an open reply field.
      await card.getByRole('button', { name: 'Antworten' }).click();
      expect(await seriousViolations(a)).toEqual([]);
    } finally {
      await a.context().close();
    }

    const guest = await openAs(browser, baseURL, guestEmail, `${sectionPath(s)}?thread=${threadId}`, wide);
    try {
      const card = panel(guest).locator(`[data-thread-id="${threadId}"]`);
      await expect(card).toBeFocused();
      await expect(card).toHaveClass(/k-thread--active/);
      await expect(editorText(guest).locator(`.k-comment-mark--active[data-thread-id="${threadId}"]`)).toBeVisible();
      await expect(panel(guest)).toContainText('Als Gast können Sie Kommentare lesen, aber nicht schreiben.');
      await expect(panel(guest).getByRole('button', { name: 'Kommentieren' })).toHaveCount(0);
      await expect(card.getByRole('button', { name: 'Antworten' })).toHaveCount(0);
      await expect(card.getByRole('button', { name: 'Erledigt' })).toHaveCount(0);
    } finally {
      await guest.context().close();
    }
  });
});

test('at 768 px the comment panel folds away under the text and opens with its button; axe finds nothing serious', async ({ browser, baseURL }) => {
  const s = await sharedScene(baseURL);
  const page = await openAs(browser, baseURL, s.writers[0].email, sectionPath(s), { width: 768, height: 1000 });
  try {
    const toggle = panel(page).getByRole('button', { name: 'Kommentare anzeigen' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(panel(page).getByRole('button', { name: 'Kommentieren' })).toBeHidden();
    await toggle.click();
    await expect(panel(page).getByRole('button', { name: 'Kommentare ausblenden' })).toHaveAttribute('aria-expanded', 'true');
    await expect(panel(page).getByRole('button', { name: 'Kommentieren' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  } finally {
    await page.context().close();
  }
});

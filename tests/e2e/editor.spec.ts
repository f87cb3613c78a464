/**
 * The section editor in real browsers against a real Konvent server with the demo: two
 * experts of one subgroup type in the same section, a guest reads along, a connection
 * drops and comes back, and the page passes an axe check.
 */
import { expect, test } from '@playwright/test';
import { login, seriousViolations } from './helpers';
import {
  apiAs,
  connectionStatus,
  documentText,
  editorText,
  guestEmail,
  marker,
  moderatorEmail,
  openAs,
  openSection,
  sectionPath,
  sharedScene,
  signIn,
  typeAtEnd,
  typeAtStart,
} from './support/editor';

test.describe('section editor', () => {
  test('two members of the subgroup type at once and see each other’s text and caret name', async ({ browser, baseURL }) => {
    const s = await sharedScene(baseURL);
    const [first, second] = s.writers;
    const a = await openAs(browser, baseURL, first.email, sectionPath(s));
    const b = await openAs(browser, baseURL, second.email, sectionPath(s));
    try {
      // Each sees the other in the presence list before anybody types.
      await expect(a.getByTestId('editor-presence')).toContainText(second.name);
      await expect(b.getByTestId('editor-presence')).toContainText(first.name);
      await expect(a.getByTestId('editor-presence')).toContainText(`${first.name} (Sie)`);

      const fromA = marker('vonA');
      const fromB = marker('vonB');
      // Different places in the text, so the two words cannot interleave letter by letter.
      await Promise.all([typeAtEnd(a, ` ${fromA}`), typeAtStart(b, `${fromB} `)]);

      for (const page of [a, b]) {
        await expect(editorText(page)).toContainText(fromA);
        await expect(editorText(page)).toContainText(fromB);
      }
      // The other person's caret carries their name.
      await expect(a.locator('.collaboration-carets__label', { hasText: second.name })).toBeVisible();
      await expect(b.locator('.collaboration-carets__label', { hasText: first.name })).toBeVisible();
    } finally {
      await a.context().close();
      await b.context().close();
    }
  });

  test('a guest reads the text, cannot change it and is told why', async ({ browser, baseURL }) => {
    const s = await sharedScene(baseURL);
    const writer = await openAs(browser, baseURL, s.writers[0].email, sectionPath(s));
    const guest = await openAs(browser, baseURL, guestEmail, sectionPath(s));
    try {
      const written = marker('fuerGast');
      await typeAtEnd(writer, ` ${written}`);
      await expect(editorText(guest)).toContainText(written);

      await expect(guest.getByText('Als Gast können Sie lesen, aber nicht bearbeiten.')).toBeVisible();
      await expect(guest.getByRole('toolbar')).toHaveCount(0);
      await expect(editorText(guest)).toHaveAttribute('contenteditable', 'false');
      await expect(editorText(guest)).toHaveAttribute('aria-readonly', 'true');

      const before = await documentText(guest);
      await editorText(guest).click();
      await guest.keyboard.press('Control+End');
      await guest.keyboard.type(' Gast schreibt');
      await guest.keyboard.press('Enter');
      await guest.keyboard.press('Backspace');
      expect(await documentText(guest)).toBe(before);
      await expect(editorText(guest)).not.toContainText('Gast schreibt');

      // Proof through the writer's view that nothing left the guest's browser: a later
      // edit of the writer arrives there, the guest's words never do.
      const later = marker('danach');
      await typeAtEnd(writer, ` ${later}`);
      await expect(editorText(guest)).toContainText(later);
      await expect(editorText(writer)).not.toContainText('Gast schreibt');
    } finally {
      await writer.context().close();
      await guest.context().close();
    }
  });

  test('going offline keeps typing on this device and merges when back online', async ({ browser, baseURL }) => {
    const s = await sharedScene(baseURL);
    const [first, second] = s.writers;
    const a = await openAs(browser, baseURL, first.email, sectionPath(s));
    const b = await openAs(browser, baseURL, second.email, sectionPath(s));
    try {
      await a.context().setOffline(true);
      await expect(connectionStatus(a)).toHaveAttribute('data-state', 'offline');
      await expect(connectionStatus(a)).toContainText('Offline – Änderungen werden auf diesem Gerät gespeichert');

      const offline = marker('offline');
      await typeAtEnd(a, ` ${offline}`);
      await expect(editorText(a)).toContainText(offline);
      // Meanwhile the other person keeps writing online.
      const online = marker('online');
      await typeAtStart(b, `${online} `);
      await expect(editorText(b)).toContainText(online);

      await a.context().setOffline(false);
      await expect(connectionStatus(a)).toHaveAttribute('data-state', 'connected');
      await expect(editorText(b)).toContainText(offline);
      await expect(editorText(a)).toContainText(online);
    } finally {
      await a.context().close();
      await b.context().close();
    }
  });

  test('logging out deletes this device’s copy of a section, asks first when it holds changes not sent yet, and the next login sends them', async ({ browser, baseURL }) => {
    const s = await sharedScene(baseURL);
    const [first, second] = s.writers;
    const a = await openAs(browser, baseURL, first.email, sectionPath(s));
    const b = await openAs(browser, baseURL, second.email, sectionPath(s));
    // The section's IndexedDB databases in a's browser (one per person and section).
    const copies = () =>
      a.evaluate(async (id) => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.endsWith(`section:${id}`)), s.section.id);
    const chooseLogout = async () => {
      await a.getByRole('button', { name: /Benutzermenü/ }).click();
      await a.getByRole('menuitem', { name: 'Abmelden' }).click();
    };
    try {
      // Online: what a types reaches the server, so logout deletes the copy without asking.
      const online = marker('online');
      await typeAtEnd(a, ` ${online}`);
      await expect(editorText(b)).toContainText(online);
      expect(await copies()).toHaveLength(1);
      await chooseLogout();
      await expect(a).toHaveURL(/\/anmelden/);
      await expect.poll(copies).toEqual([]);

      // Offline: the words exist only on this device, so logout asks before anything happens.
      await signIn(a.context(), first.email);
      await openSection(a, sectionPath(s));
      await a.context().setOffline(true);
      await expect(connectionStatus(a)).toHaveAttribute('data-state', 'offline');
      const offline = marker('offline');
      await typeAtEnd(a, ` ${offline}`);
      await chooseLogout();
      const question = a.getByRole('alertdialog', { name: 'Änderungen noch nicht gesendet' });
      await expect(question).toContainText('1 Abschnitt enthält Änderungen, die noch nicht beim Server angekommen sind.');
      // Which one, by its title: the person may decide to go back to it.
      await expect(question.getByRole('list', { name: 'Betroffene Abschnitte' }).getByRole('listitem')).toHaveText([s.section.title]);
      await question.getByRole('button', { name: 'Abbrechen' }).click();
      await expect(question).toBeHidden();
      await expect(a).toHaveURL(new RegExp(`${s.section.id}$`));
      await expect(editorText(a)).toContainText(offline);

      await chooseLogout();
      await question.getByRole('button', { name: 'Trotzdem abmelden' }).click();
      await expect(a).toHaveURL(/\/anmelden/);
      await a.context().setOffline(false);
      // The copy with the unsent words stays.
      expect(await copies()).toHaveLength(1);
      // The logout never reached the server, so the browser still holds the session cookie:
      // the app ends that session first, and whoever opens it next has to log in.
      await a.goto(sectionPath(s));
      await expect(a.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
      // Logging in again sends the kept words in the background, without opening the section.
      await login(a, first.email);
      await expect(a.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
      await expect(editorText(b)).toContainText(offline);

      // Sent now: the next logout asks nothing and deletes the copy.
      await chooseLogout();
      await expect(a).toHaveURL(/\/anmelden/);
      await expect.poll(copies).toEqual([]);
    } finally {
      await a.context().close();
      await b.context().close();
    }
  });

  test('the toolbar is one tab stop with arrow keys and shows pressed marks', async ({ browser, baseURL }) => {
    const s = await sharedScene(baseURL);
    const page = await openAs(browser, baseURL, s.writers[0].email, sectionPath(s));
    try {
      const toolbar = page.getByRole('toolbar', { name: 'Textformatierung' });
      await expect(toolbar.locator('button[tabindex="0"]')).toHaveCount(1);

      await editorText(page).click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Alt+F10');
      const firstTool = toolbar.locator('[data-toolbar-item]').first();
      await expect(firstTool).toBeFocused();
      await page.keyboard.press('ArrowRight');
      await expect(toolbar.locator('[data-toolbar-item]').nth(1)).toBeFocused();
      await page.keyboard.press('End');
      const help = toolbar.getByRole('button', { name: 'Tastaturkürzel' });
      await expect(help).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(editorText(page)).toBeFocused();

      const bold = toolbar.getByRole('button', { name: 'Fett' });
      await expect(bold).toHaveAttribute('aria-keyshortcuts', 'Control+B');
      const initially = await bold.getAttribute('aria-pressed');
      const toggled = initially === 'true' ? 'false' : 'true';
      await page.keyboard.press('Control+B');
      await expect(bold).toHaveAttribute('aria-pressed', toggled);
      await page.keyboard.press('Control+B');
      await expect(bold).toHaveAttribute('aria-pressed', initially ?? 'false');

      // The help lists the comment shortcut, which the comments feature adds.
      await help.click();
      const dialog = page.getByRole('dialog', { name: 'Tastaturkürzel' });
      await expect(dialog.getByRole('row', { name: /Markierte Textstelle kommentieren/ })).toContainText('Strg+Alt+M');
      await dialog.getByRole('button', { name: 'Schließen' }).click();
      await expect(dialog).toBeHidden();
    } finally {
      await page.context().close();
    }
  });

  test('when the moderator sets the section final, the open editor turns read-only and says why', async ({ browser, baseURL }) => {
    const s = await sharedScene(baseURL);
    const page = await openAs(browser, baseURL, s.writers[0].email, sectionPath(s));
    const moderatorPage = await openAs(browser, baseURL, moderatorEmail, sectionPath(s));
    const original = s.section.status;
    try {
      await expect(page.getByRole('toolbar', { name: 'Textformatierung' })).toBeVisible();
      // The writer, a plain member of the subgroup, is offered no status change.
      await expect(page.getByRole('group', { name: 'Status ändern' })).toHaveCount(0);

      // The moderator sets it final on the section page, after a question that says what follows.
      const controls = moderatorPage.getByRole('group', { name: 'Status ändern' });
      await controls.getByRole('button', { name: 'Als abgestimmt festlegen' }).click();
      const confirm = moderatorPage.getByRole('alertdialog', { name: 'Abschnitt als abgestimmt festlegen?' });
      await expect(confirm).toContainText('für alle schreibgeschützt');
      await confirm.getByRole('button', { name: 'Festlegen und sperren' }).click();
      await expect(confirm).toBeHidden();
      await expect(moderatorPage.getByRole('status').filter({ hasText: `„${s.section.title}“ ist jetzt „Abgestimmt“.` })).toBeVisible();
      await expect(moderatorPage.locator('.k-section-facts')).toContainText('Abgestimmt');

      // The server closes the connection with 4509; the editor re-reads the section.
      await expect(page.getByText('Dieser Abschnitt ist abgestimmt und gesperrt.')).toBeVisible();
      await expect(page.getByRole('toolbar')).toHaveCount(0);
      await expect(editorText(page)).toHaveAttribute('contenteditable', 'false');
      await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');

      // Reopened by the moderator, the writer's editor is writable again.
      await expect(controls.getByRole('button')).toHaveText(['Wieder öffnen', 'Zurück in den Entwurf']);
      await controls.getByRole('button', { name: 'Wieder öffnen' }).click();
      await expect(moderatorPage.locator('.k-section-facts')).toContainText('In Prüfung');
      await expect(page.getByRole('toolbar', { name: 'Textformatierung' })).toBeVisible();
      await expect(editorText(page)).toHaveAttribute('contenteditable', 'true');
    } finally {
      const moderator = await apiAs(baseURL!, moderatorEmail);
      await moderator.patch(`/api/sections/${s.section.id}`, { data: { status: original } });
      await moderator.dispose();
      await moderatorPage.context().close();
      await page.context().close();
    }
  });

  test('an ended login stops the editor and leads to the login page and back', async ({ browser, baseURL }) => {
    const s = await sharedScene(baseURL);
    const email = s.writers[0].email;
    const page = await openAs(browser, baseURL, email, sectionPath(s));
    const sockets: string[] = [];
    page.on('websocket', (ws) => {
      if (ws.url().includes('/collab/')) sockets.push(ws.url());
    });
    try {
      // Sign out elsewhere (same cookie), then let the editor reconnect: the server answers 4401.
      expect((await page.context().request.post('/api/auth/logout')).status()).toBeLessThan(300);
      await page.context().setOffline(true);
      await expect(connectionStatus(page)).toHaveAttribute('data-state', 'offline');
      await page.context().setOffline(false);

      await expect(page).toHaveURL(/\/anmelden\?/);
      const url = new URL(page.url());
      expect(url.searchParams.get('zurueck')).toBe(sectionPath(s));
      // One attempt after going online, refused, and no retry loop before the redirect.
      expect(sockets).toHaveLength(1);

      await login(page, email, `${url.pathname}${url.search}`);
      await expect(page).toHaveURL(new RegExp(`${sectionPath(s)}$`));
      await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
    } finally {
      await page.context().close();
    }
  });

  test('the section page has no serious or critical accessibility violations', async ({ browser, baseURL }) => {
    const s = await sharedScene(baseURL);
    const page = await openAs(browser, baseURL, s.writers[0].email, sectionPath(s));
    try {
      // Co-author present, so carets and the presence list are part of what is checked.
      const other = await openAs(browser, baseURL, s.writers[1].email, sectionPath(s));
      await typeAtEnd(other, ` ${marker('axe')}`);
      await expect(page.locator('.collaboration-carets__label')).toHaveCount(1);
      expect(await seriousViolations(page)).toEqual([]);
      await other.context().close();
    } finally {
      await page.context().close();
    }
  });
});

/**
 * Helpers for the section editor's browser tests: sign a browser context in, find two
 * demo experts of one subgroup and a section they may both write, open that section and
 * read what the editor shows. Everything is found through the API, never hard-coded, so
 * the tests follow the demo seed when it changes.
 */
import { expect, request as playwrightRequest, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { ListResponse, MemberJSON, SectionJSON, TopicJSON, WorkspaceJSON } from '@konvent/shared';

export const demoPassword = 'konvent-demo';
export const moderatorEmail = 'moderation@example.org';
export const guestEmail = 'gast@example.org';

/** Signs the context in through the API; the session cookie is shared with its pages. */
export async function signIn(context: BrowserContext, email: string): Promise<void> {
  const res = await context.request.post('/api/auth/login', { data: { email, password: demoPassword } });
  expect(res.status(), `login as ${email}`).toBe(200);
}

async function json<T>(api: APIRequestContext, path: string): Promise<T> {
  const res = await api.get(path);
  expect(res.status(), `GET ${path}`).toBe(200);
  return (await res.json()) as T;
}

export interface CoEditingScene {
  workspace: WorkspaceJSON;
  section: SectionJSON;
  topic: TopicJSON;
  /** Two experts of the topic's subgroup, both allowed to write the section. */
  writers: [{ email: string; name: string }, { email: string; name: string }];
}

/**
 * Two plain members (not leads, to keep the case ordinary) of one subgroup and a draft or
 * review section of that subgroup, confirmed writable for both through `abilities.edit`.
 */
export async function findCoEditingScene(baseURL: string): Promise<CoEditingScene> {
  const api = await playwrightRequest.newContext({ baseURL });
  try {
    const login = await api.post('/api/auth/login', { data: { email: moderatorEmail, password: demoPassword } });
    expect(login.status()).toBe(200);
    const workspaces = await json<ListResponse<WorkspaceJSON>>(api, '/api/workspaces');
    const workspace = workspaces.data.find((w) => w.isDemo) ?? workspaces.data[0];
    if (!workspace) throw new Error('the demo workspace is missing');
    const members = await json<ListResponse<MemberJSON>>(api, `/api/workspaces/${workspace.id}/members`);
    const emailOf = new Map(members.data.map((m) => [m.userId, m.email]));
    const topics = await json<ListResponse<TopicJSON>>(api, `/api/workspaces/${workspace.id}/topics`);
    const sections = await json<ListResponse<SectionJSON>>(api, `/api/workspaces/${workspace.id}/sections`);

    for (const topic of topics.data) {
      const experts = topic.members
        .map((m) => ({ email: emailOf.get(m.userId) ?? '', name: m.name, lead: m.lead }))
        .filter((m) => /^expert\d+@example\.org$/.test(m.email))
        .sort((a, b) => Number(a.lead) - Number(b.lead) || a.email.localeCompare(b.email));
      const candidates = sections.data.filter((s) => s.topicId === topic.id && s.status !== 'final' && !s.deletedAt);
      const [first, second] = experts;
      if (!first || !second) continue;
      for (const section of candidates) {
        const writable = await Promise.all([first.email, second.email].map((email) => mayEdit(baseURL, email, section.id)));
        if (writable.every(Boolean)) {
          return {
            workspace,
            section,
            topic,
            writers: [
              { email: first.email, name: first.name },
              { email: second.email, name: second.name },
            ],
          };
        }
      }
    }
    throw new Error('no subgroup with two experts and a writable section in the demo');
  } finally {
    await api.dispose();
  }
}

/** An API client signed in as `email`, for changes made "by someone else" during a test. */
export async function apiAs(baseURL: string, email: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL });
  const res = await api.post('/api/auth/login', { data: { email, password: demoPassword } });
  expect(res.status(), `login as ${email}`).toBe(200);
  return api;
}

async function mayEdit(baseURL: string, email: string, sectionId: string): Promise<boolean> {
  const api = await playwrightRequest.newContext({ baseURL });
  try {
    await api.post('/api/auth/login', { data: { email, password: demoPassword } });
    const res = await api.get(`/api/sections/${sectionId}`);
    return res.ok() && ((await res.json()) as SectionJSON).abilities.edit;
  } finally {
    await api.dispose();
  }
}

let scenePromise: Promise<CoEditingScene> | undefined;
/** The co-editing scene, found once per worker and shared by its tests. */
export function sharedScene(baseURL: string | undefined): Promise<CoEditingScene> {
  if (!baseURL) throw new Error('the Playwright config must set baseURL');
  scenePromise ??= findCoEditingScene(baseURL);
  return scenePromise;
}

/** A new browser context signed in as `email`, with `path` open and synced. */
export async function openAs(
  browser: Browser,
  baseURL: string | undefined,
  email: string,
  path: string,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'de-DE', ...(viewport ? { viewport } : {}) });
  await signIn(context, email);
  const page = await context.newPage();
  await openSection(page, path);
  return page;
}

export function sectionPath(scene: Pick<CoEditingScene, 'workspace' | 'section'>): string {
  return `/a/${scene.workspace.id}/bericht/${scene.section.id}`;
}

/** The editable text of the section editor (ProseMirror's contenteditable). */
export function editorText(page: Page) {
  return page.getByRole('textbox', { name: /Text des Abschnitts/ });
}

export function connectionStatus(page: Page) {
  return page.getByTestId('editor-connection');
}

/**
 * The first open loads the editor's lazy chunk and syncs with the server; on a machine
 * shared with other test runs that takes longer than a plain expectation.
 */
const openTimeout = 30_000;

/** Opens the section and waits until the editor has synced with the server. */
export async function openSection(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(editorText(page)).toBeVisible({ timeout: openTimeout });
  await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected', { timeout: openTimeout });
}

/** Puts the caret at the very end of the text and types there. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  const box = editorText(page);
  await box.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/** Puts the caret at the very start of the text and types there. */
export async function typeAtStart(page: Page, text: string): Promise<void> {
  const box = editorText(page);
  await box.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type(text);
}

/** The document text without co-authors' caret labels (which sit inside the editable area). */
export async function documentText(page: Page): Promise<string> {
  return editorText(page).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return copy.textContent ?? '';
  });
}

/** A word no demo text contains, so a test can look for exactly its own typing. */
export function marker(label: string): string {
  return `${label}${Math.random().toString(36).slice(2, 8)}`;
}

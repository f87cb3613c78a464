import { expect, request as playwrightRequest, test } from '@playwright/test';
import type { ListResponse, MemberJSON, SectionJSON } from '@konvent/shared';
import { demo, openWorkspace, signedInAs } from './helpers';

test.use({ storageState: signedInAs('member') });

test('the language switches to English and back, and the choice survives a reload', async ({ page }) => {
  await openWorkspace(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');

  await page.getByRole('button', { name: /Benutzermenü/ }).click();
  await page.getByRole('menuitemradio', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Focus topics' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();

  await page.getByRole('button', { name: /User menu/ }).click();
  await page.getByRole('menuitemradio', { name: 'Deutsch' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
});

test('in English the bell words a new mention in English, from the notification’s fields', async ({ page, baseURL }) => {
  const base = await openWorkspace(page);
  const workspaceId = base.split('/').at(-1)!;
  await page.getByRole('button', { name: /Benutzermenü/ }).click();
  await page.getByRole('menuitemradio', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();

  const members = (await (await page.request.get(`/api/workspaces/${workspaceId}/members`)).json()) as ListResponse<MemberJSON>;
  const me = members.data.find((m) => m.email === demo.member)!;
  const sections = (await (await page.request.get(`/api/workspaces/${workspaceId}/sections`)).json()) as ListResponse<SectionJSON>;
  const section = sections.data.find((s) => !s.deletedAt)!;

  const moderator = await playwrightRequest.newContext({ baseURL });
  try {
    expect((await moderator.post('/api/auth/login', { data: { email: demo.moderator, password: demo.password } })).status()).toBe(200);
    const res = await moderator.post(`/api/sections/${section.id}/threads`, {
      data: { body: `Please have a look, @[${me.name}](user:${me.userId})` },
    });
    expect(res.status()).toBe(201);
  } finally {
    await moderator.dispose();
  }

  const bell = page.getByRole('banner').getByRole('button', { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName(/Notifications, \d+ unread/);
  await bell.click();
  await expect(page.getByRole('menuitem').filter({ hasText: `mentioned you in “${section.title}”` }).first()).toBeVisible();
  await page.keyboard.press('Escape');

  // Back to German for the tests that follow with this person's stored language.
  await page.getByRole('button', { name: /User menu/ }).click();
  await page.getByRole('menuitemradio', { name: 'Deutsch' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
});

// Every widget by keyboard alone, as a screen-reader user meets it (issue #23): reach the control,
// operate it, run it, and find focus where they acted (never on <body>) with the result announced by
// a status region that was in the accessibility tree, empty, before the result arrived. One page per
// widget, one test each, steps inside; the mock for most, the local test tenant for one login round
// trip. Also the environment picker, the search box and the mobile menu.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { gotoHydrated, pressInClosingWindow } from './support/site';

/** A live region a screen reader will announce from: present, not display:none or hidden. */
async function expectLiveRegionReady(region: Locator) {
  await expect(region).toBeAttached();
  expect(
    await region.evaluate((el) => {
      const style = getComputedStyle(el);
      return (
        style.display !== 'none' &&
        style.visibility !== 'hidden' &&
        !el.closest('[hidden],[aria-hidden="true"]')
      );
    }),
    'the status region is in the accessibility tree before its text arrives',
  ).toBe(true);
}

/** What has focus, for failure messages. */
const focusedElement = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el
      ? `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.textContent?.slice(0, 40) ?? ''}`
      : 'none';
  });

/** Press Tab until `target` has focus (at most `max` times): the control is reachable by keyboard. */
async function tabTo(page: Page, target: Locator, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `not reached by Tab; focus is on ${await focusedElement(page)}`).toBeFocused();
}

/**
 * In a login popup, by keyboard only: when the login screen shows (the mock's and the tenant's list
 * the fixture users; no session yet), Tab to the first user and press Enter; a popup that answers at
 * once (a session) closes by itself.
 */
async function pickUserByKeyboard(popup: Page, inThisTab = false) {
  const user = popup.getByRole('list', { name: 'Test users' }).getByRole('button').first();
  const shown = await Promise.race([
    popup.waitForEvent('close', { timeout: 30_000 }).then(() => false),
    user.waitFor({ timeout: 30_000 }).then(() => true),
  ]);
  if (!shown) return;
  for (let i = 0; i < 30 && !(await user.evaluate((el) => el === document.activeElement)); i++)
    await popup.keyboard.press('Tab');
  await expect(user).toBeFocused();
  if (inThisTab) await popup.keyboard.press('Enter');
  else await pressInClosingWindow(popup, 'Enter');
}

/** After a popup window closes, the opener gets focus back (as a reader's window manager does). */
async function afterPopup(
  page: Page,
  open: () => Promise<void>,
  inPopup: (popup: Page) => Promise<void> = pickUserByKeyboard,
) {
  const popupPromise = page.waitForEvent('popup');
  await open();
  const popup = await popupPromise;
  await inPopup(popup);
  if (!popup.isClosed()) await popup.waitForEvent('close', { timeout: 30_000 });
  await page.bringToFront();
}

test.describe('keyboard only', () => {
  test('discovery explorer: a refused issuer is tied to its field; Explore and Compare keep focus', async ({
    page,
  }) => {
    await gotoHydrated(page, 'tools/discovery-explorer?env=mock');
    const widget = page.locator('[data-widget="discovery explorer"]');
    const field = widget.getByLabel('Issuer URL');
    const explore = widget.getByRole('button', { name: 'Explore' });
    const verdict = widget.getByRole('status').first();
    await expect(field).toHaveValue('https://mock.telenorid.invalid');

    await test.step('a refused issuer: the field is invalid and described by the sentence', async () => {
      await field.focus();
      await field.fill('not a url');
      await page.keyboard.press('Enter');
      await expect(verdict).toHaveText(/^Invalid — /);
      await expect(field).toBeFocused();
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toHaveAccessibleDescription(/Invalid — /);
    });

    await test.step('Explore by keyboard: focus stays on it, the verdict is announced', async () => {
      await field.fill('https://mock.telenorid.invalid');
      await expectLiveRegionReady(verdict);
      await tabTo(page, explore);
      await page.keyboard.press('Enter');
      await expect(verdict).toHaveText(/^Valid — /);
      await expect(explore).toBeFocused();
      await expect(field).not.toHaveAttribute('aria-invalid');
    });

    await test.step('Compare by keyboard: the result sentence lands in a region that was there, focus stays', async () => {
      const section = widget.getByRole('region', { name: 'Compare two environments' });
      const left = section.getByRole('group', { name: 'Left' }).getByRole('combobox');
      const right = section.getByRole('group', { name: 'Right' }).getByRole('combobox');
      await left.selectOption('mock');
      await right.selectOption('mock');
      const sentence = section.getByRole('status');
      await expectLiveRegionReady(sentence);
      await expect(sentence).toHaveText('');
      const compare = section.getByRole('button', { name: 'Compare' });
      await compare.focus();
      await page.keyboard.press('Space');
      await expect(sentence).not.toHaveText('');
      await expect(compare).toBeFocused();
    });
  });

  test('scope builder: Run by keyboard keeps focus on Run after the popup closes; hints are read with their fields', async ({
    page,
  }) => {
    await gotoHydrated(page, 'tools/scope-builder?env=mock');
    const widget = page.locator('[data-widget="scope builder"]');
    await expect(widget.getByLabel('Authorization URL', { exact: true })).toHaveValue(/^https?:\/\//, {
      timeout: 20_000,
    });
    await expect(widget.getByLabel('ui_locales', { exact: true })).toHaveAccessibleDescription(
      /Language of the login pages/,
    );
    const run = widget.getByRole('button', { name: 'Run', exact: true });
    const status = widget.getByRole('region', { name: 'Run' }).getByRole('status');
    await expectLiveRegionReady(status);
    await run.focus();
    await afterPopup(page, () => page.keyboard.press('Enter'));
    await expect(status).toHaveText(/^Done: tokens received/, { timeout: 30_000 });
    await expect(run, `focus is on ${await focusedElement(page)}`).toBeFocused();
  });

  test('scope builder with popups blocked: back from the full-page redirect, focus is on the result', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      window.open = () => null;
    });
    await gotoHydrated(page, 'tools/scope-builder?env=mock');
    const widget = page.locator('[data-widget="scope builder"]');
    await expect(widget.getByLabel('Authorization URL', { exact: true })).toHaveValue(/^https?:\/\//, {
      timeout: 20_000,
    });
    await widget.getByRole('button', { name: 'Run', exact: true }).focus();
    await page.keyboard.press('Enter');
    // No session yet: the mock's login screen shows in this tab; pick the first user by keyboard.
    await page.waitForURL(/\/mock\/authorize\//, { timeout: 30_000 });
    await pickUserByKeyboard(page, true);
    const status = widget.getByRole('region', { name: 'Run' }).getByRole('status');
    await expect(status).toHaveText(/^Done: tokens received/, { timeout: 30_000 });
    await expect(status).toBeFocused();
  });

  test('prompt=none tryout: Space on a switch keeps focus; Check keeps it; the redirect return lands on the result', async ({
    page,
  }) => {
    await gotoHydrated(page, 'tools/silent-auth?env=mock');
    const widget = page.locator('[data-widget="prompt=none tryout"]');
    const status = widget.getByRole('status');
    const session = widget.getByRole('switch', { name: /SSO session/ });
    const check = widget.getByRole('button', { name: 'Check session (prompt=none)' });

    await test.step('the switch by Space, twice: focus stays on it', async () => {
      await expect(session).not.toBeChecked();
      await session.focus();
      await page.keyboard.press('Space');
      await expect(session).toBeChecked();
      await expect(session).toBeFocused();
      // While the mock switches, the switch says it is busy and ignores Space; then it answers again.
      await expect(session).not.toHaveAttribute('aria-disabled', 'true');
      await page.keyboard.press('Space');
      await expect(session).not.toBeChecked();
      await expect(session).toBeFocused();
    });

    await test.step('Check by keyboard (hidden iframe): focus stays on the button', async () => {
      await expect(session).not.toHaveAttribute('aria-disabled', 'true');
      await page.keyboard.press('Space'); // session on again
      await expect(session).toBeChecked();
      await expect(session).not.toHaveAttribute('aria-disabled', 'true');
      await expectLiveRegionReady(status);
      await tabTo(page, check);
      await page.keyboard.press('Enter');
      await expect(status).not.toHaveText('');
      await expect(check).toBeFocused();
    });

    await test.step('top-level redirect: back on the page, focus is on the result, not "Skip to main content"', async () => {
      const redirect = widget.getByRole('radio', { name: /Top-level redirect/ });
      await redirect.focus();
      await page.keyboard.press('Space');
      await expect(redirect).toBeChecked();
      await check.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(
        (url) => /\/tools\/silent-auth\/?$/.test(url.pathname) && !url.search.includes('code='),
      );
      await expect(page.locator('html[data-has-hydrated="true"]')).toBeAttached();
      await expect(status).not.toHaveText('', { timeout: 20_000 });
      await expect(status).toBeFocused();
    });
  });

  test('refresh simulator: log in, refresh and "Cause it" by keyboard; focus stays, names say which cause', async ({
    page,
  }) => {
    await gotoHydrated(page, 'tools/refresh-simulator?env=mock');
    const widget = page.locator('[data-widget="refresh-error simulator"]');
    const status = widget.getByRole('status');
    await widget.locator('input[type="radio"][value="PublicWithRefresh"]').check();
    const login = widget.getByRole('button', { name: 'Log in with offline_access' });
    await expectLiveRegionReady(status);
    await login.focus();
    await afterPopup(page, () => page.keyboard.press('Enter'));
    await expect(status).toHaveText(/^200 OK — logged in/, { timeout: 20_000 });
    await expect(login, `focus is on ${await focusedElement(page)}`).toBeFocused();

    const refresh = widget.getByRole('button', { name: 'Refresh', exact: true });
    await refresh.focus();
    await page.keyboard.press('Enter');
    await expect(status).toHaveText(/^200 OK — new tokens/);
    await expect(refresh).toBeFocused();

    // 2.5.3: the visible label "Cause it" begins the accessible name.
    const revoke = widget.getByRole('button', { name: /^Cause it: / }).first();
    await expect(revoke).toHaveAccessibleName(/^Cause it: \S/);
    await revoke.focus();
    await page.keyboard.press('Enter');
    await expect(status).toHaveText(/^400 invalid_grant — /, { timeout: 20_000 });
    await expect(revoke, `focus is on ${await focusedElement(page)}`).toBeFocused();
    // Refresh has nothing to refresh with now: it says so and stays focusable.
    await expect(refresh).toHaveAttribute('aria-disabled', 'true');
  });

  test('environment picker: arrow keys only move the choice; Escape, Cancel, Use and "Change issuer" keep focus', async ({
    page,
  }) => {
    await gotoHydrated(page, 'api/userinfo?env=mock');
    const picker = page.locator('.navbar [data-environment]');
    const select = page.getByRole('combobox', { name: 'Environment' });
    await select.focus();

    await test.step('ArrowDown on the closed select does not switch or save', async () => {
      await page.keyboard.press('ArrowDown');
      await expect(select).toHaveValue('local');
      await expect(picker).toHaveAttribute('data-environment', 'mock');
      await page.keyboard.press('Escape');
      await expect(select).toHaveValue('mock');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowDown');
      await expect(picker).toHaveAttribute('data-environment', 'mock');
      await page.keyboard.press('Enter');
      await expect(picker).toHaveAttribute('data-environment', 'local');
      await expect(select).toBeFocused();
    });

    await test.step('Custom issuer by Enter opens its field; Escape returns to the select', async () => {
      await select.selectOption('custom');
      const issuer = page.getByRole('textbox', { name: 'Issuer URL' });
      await issuer.focus();
      await page.keyboard.press('Escape');
      await expect(issuer).toHaveCount(0);
      await expect(select).toBeFocused();
    });

    await test.step('Use keeps focus on the picker; "Change issuer" moves it to the field; Cancel back', async () => {
      await select.selectOption('custom');
      const issuer = page.getByRole('textbox', { name: 'Issuer URL' });
      await issuer.fill('https://issuer.example');
      await issuer.press('Enter');
      await expect(picker).toHaveAttribute('data-environment', 'custom');
      await expect(select).toBeFocused();
      const change = page.getByRole('button', { name: 'Change issuer' });
      await change.focus();
      await page.keyboard.press('Enter');
      await expect(issuer).toBeFocused();
      await page.getByRole('button', { name: 'Cancel' }).focus();
      await page.keyboard.press('Enter');
      await expect(select).toBeFocused();
    });
  });

  test('search: Tab never opens a page, Escape keeps focus, a named clear button, no focus stealing', async ({
    page,
  }) => {
    await gotoHydrated(page, 'api/userinfo');
    const url = page.url();
    const box = page.getByRole('combobox', { name: 'Search' });
    const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');

    await test.step('the index loading does not pull focus back into the box', async () => {
      const index = page.waitForResponse((r) => r.url().includes('search-index'));
      await box.focus();
      await page.keyboard.press('Shift+Tab');
      const away = await focusedElement(page);
      await index;
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      expect(await focusedElement(page)).toBe(away);
      await expect(box).not.toBeFocused();
    });

    await test.step('Ctrl+K, type, arrows: a combobox with a listbox of options', async () => {
      await page.keyboard.press('Control+k');
      await expect(box).toBeFocused();
      await page.keyboard.type('invalid_grant');
      await expect(options.first()).toContainText('invalid_grant');
      await expect(box).toHaveAttribute('aria-expanded', 'true');
      const listId = await page.getByRole('listbox', { name: 'Search results' }).getAttribute('id');
      await expect(box).toHaveAttribute('aria-controls', listId!);
      await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('link')).toHaveCount(0);
      await page.keyboard.press('ArrowDown');
      await expect(options.first()).toHaveAttribute('aria-selected', 'true');
      await expect(box).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id'))!);
      await expect(page.getByRole('search').locator('[aria-live="polite"]')).toHaveText(/^\d+ results?\./);
    });

    await test.step('Tab moves on without opening the highlighted result', async () => {
      await page.keyboard.press('Tab');
      expect(page.url()).toBe(url);
      await expect(box).not.toBeFocused();
      await expect(page.getByRole('button', { name: 'Clear search' })).toBeFocused();
    });

    await test.step('Escape closes the list, then empties the box; focus stays in it', async () => {
      await box.focus();
      await expect(box).toHaveAttribute('aria-expanded', 'true');
      await page.keyboard.press('Escape');
      await expect(box).toHaveAttribute('aria-expanded', 'false');
      await expect(box).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(box).toHaveValue('');
      await expect(box).toBeFocused();
    });

    await test.step('the clear button is named and at least 24×24 px', async () => {
      await page.keyboard.type('scope');
      const clear = page.getByRole('button', { name: 'Clear search' });
      const size = (await clear.boundingBox())!;
      expect(size.width).toBeGreaterThanOrEqual(24);
      expect(size.height).toBeGreaterThanOrEqual(24);
      await clear.click();
      await expect(box).toHaveValue('');
      await expect(box).toBeFocused();
    });

    await test.step('Enter on an option opens it', async () => {
      await page.keyboard.type('code_verifier');
      await expect(options.first()).toBeVisible();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/_highlight=code_verifier/);
    });
  });

  test('mobile menu: focus stays inside the open panel, "Back to main menu" keeps it, closing returns it', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await gotoHydrated(page, 'api/userinfo');
    const toggle = page.getByRole('button', { name: 'Toggle navigation bar' });
    const panel = page.locator('.navbar-sidebar');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Close navigation bar' })).toBeFocused();

    await test.step('Tab walks the panel only, never the page behind it', async () => {
      // Past the panel's last control focus leaves the document (to the browser), as from a modal
      // dialog, and the next Tab comes back to the panel; it never reaches the page behind the panel.
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab');
        expect(
          await panel.evaluate(
            (el) =>
              (el.contains(document.activeElement) && !document.activeElement?.closest('[inert]')) ||
              document.activeElement === document.body,
          ),
          `Tab ${i + 1} reached ${await focusedElement(page)}`,
        ).toBe(true);
      }
    });

    await test.step('"← Back to main menu" puts focus on the main menu', async () => {
      const back = page.getByRole('button', { name: '← Back to main menu' });
      await back.focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() =>
          panel.evaluate(
            (el) => el.contains(document.activeElement) && !document.activeElement?.closest('[inert]'),
          ),
        )
        .toBe(true);
    });

    await test.step('closing the menu returns focus to its button', async () => {
      await page.getByRole('button', { name: 'Close navigation bar' }).focus();
      await page.keyboard.press('Enter');
      await expect(toggle).toBeFocused();
      await expect(page.locator('main')).not.toHaveAttribute('inert');
    });
  });

  test('a code block’s Copy button never takes focus under the sticky navbar', async ({ page }) => {
    await gotoHydrated(page, 'api/userinfo');
    const copy = page.getByRole('button', { name: /copy code/i }).first();
    // Scroll so the button sits under the navbar, then reach it with the keyboard.
    await copy.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 10));
    await copy.focus();
    const navbar = (await page.locator('.navbar').boundingBox())!;
    const box = (await copy.boundingBox())!;
    expect(box.y, 'the focused button is below the navbar').toBeGreaterThanOrEqual(navbar.y + navbar.height);
  });
});

test('local tenant: a login round trip by keyboard (Run, pick a user in the popup, back on Run)', async ({
  page,
}) => {
  await gotoHydrated(page, 'tools/scope-builder?env=local');
  const widget = page.locator('[data-widget="scope builder"]');
  await expect(widget.getByLabel('Authorization URL', { exact: true })).toHaveValue(/^https?:\/\//, {
    timeout: 20_000,
  });
  const run = widget.getByRole('button', { name: 'Run', exact: true });
  const status = widget.getByRole('region', { name: 'Run' }).getByRole('status');
  await run.focus();
  await afterPopup(
    page,
    () => page.keyboard.press('Enter'),
    // Keyboard only in the tenant's login page too.
    pickUserByKeyboard,
  );
  await expect(status).toHaveText(/^Done: tokens received/, { timeout: 30_000 });
  await expect(run, `focus is on ${await focusedElement(page)}`).toBeFocused();
});

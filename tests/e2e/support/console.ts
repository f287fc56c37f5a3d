// Collects what a page logs, so a spec can fail on any console error or warning that is not
// on the allow-list below. Each allow-list entry says why it is tolerated.
import type { ConsoleMessage, Page } from '@playwright/test';

export type AllowedMessage = { pattern: RegExp; reason: string };

export const allowedConsoleMessages: AllowedMessage[] = [];

export function watchConsole(page: Page): { problems: string[] } {
  const problems: string[] = [];
  const keep = (text: string) => !allowedConsoleMessages.some((a) => a.pattern.test(text));
  page.on('console', (msg: ConsoleMessage) => {
    if ((msg.type() === 'error' || msg.type() === 'warning') && keep(msg.text())) {
      problems.push(`${msg.type()}: ${msg.text()}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  return { problems };
}

/**
 * The mock TelenorID+ (src/oidc/environments.ts `mockIssuer`): answered inside the page by the MSW
 * service worker, and `.invalid` never resolves, so a widget that reads the mock's discovery on
 * load (the scope builder) sends nothing off the machine.
 */
const inPageMockOrigin = 'https://mock.telenorid.invalid';

/** Every request a page makes must stay on the site's own origin (search, assets, mocks). */
export function watchOrigins(page: Page, origin: string): { foreign: string[] } {
  const foreign: string[] = [];
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin === inPageMockOrigin) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  return { foreign };
}

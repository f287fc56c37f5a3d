/**
 * The polling flows' side of the two engines, driven the same way over HTTP: discovery gives the
 * endpoints, `src/oidc/polling.ts` sends every request, and only the user's part differs — the
 * mock's verification is a form POST to `/__mock/device`, the tenant's its real HTML pages (user
 * code, confirm, login) with cookies; both phones are the same JSON endpoint.
 */
import {
  cibaTestClient,
  deviceTestClient,
  type Engine,
  type TestUserId,
} from '../../../src/oidc/catalogue/fixtures';
import { fetchDiscovery } from '../../../src/oidc';
import {
  answerSimulatedPhone,
  pollingEndpoints,
  readSimulatedPhone,
  simulatedPhoneUrl,
  type PollingSettings,
} from '../../../src/oidc/polling';
import { mockDevicePath } from '../../../src/mocks/control';
import { TenantBrowser } from '../support/tenant-browser';

export type PollingDriver = {
  engine: Engine;
  issuer: string;
  settings(flow: 'device' | 'ciba'): Promise<PollingSettings>;
  /** The user at the verification page: enters the code, logs in as `user`, approves or declines. */
  verifyDevice(
    verificationUriComplete: string,
    userCode: string,
    user: TestUserId,
    decision: 'approve' | 'deny',
  ): Promise<void>;
  /** The user's phone: answers the one waiting request of `msisdn`. */
  answerPhone(msisdn: string, decision: 'approve' | 'deny'): Promise<boolean>;
};

export function pollingDriver(engine: Engine, issuer: string): PollingDriver {
  return {
    engine,
    issuer,
    async settings(flow) {
      const d = await fetchDiscovery(issuer);
      if (!d.ok) throw new Error(`${engine} discovery: ${d.failure.code}`);
      const endpoints = pollingEndpoints(d.document, flow);
      if (!endpoints.ok) throw new Error(endpoints.failure.code);
      const client = flow === 'device' ? deviceTestClient(engine) : cibaTestClient(engine);
      return {
        tokenEndpoint: endpoints.tokenEndpoint,
        startEndpoint: endpoints.startEndpoint,
        clientId: client.clientId,
        ...(client.clientSecret ? { clientSecret: client.clientSecret } : {}),
      };
    },
    async verifyDevice(complete, userCode, user, decision) {
      if (engine === 'mock') {
        const response = await fetch(issuer + mockDevicePath, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ user_code: userCode, user, decision }),
        });
        if (!response.ok) throw new Error(`mock verification: ${await response.text()}`);
        return;
      }
      await verifyOnTenantPages(new TenantBrowser(issuer), issuer, complete, user, decision);
    },
    async answerPhone(msisdn, decision) {
      const url = simulatedPhoneUrl(issuer, engine);
      const prompts = (await readSimulatedPhone(url)) ?? [];
      const waiting = prompts.find((p) => p.msisdn === msisdn);
      return waiting ? answerSimulatedPhone(url, waiting.prompt, decision) : false;
    },
  };
}

/** Submits the form `id` of a page (its hidden inputs, plus `extra`), following redirects. */
async function submit(
  browser: TenantBrowser,
  issuer: string,
  html: string,
  id: string,
  extra: Record<string, string> = {},
) {
  const form =
    new RegExp(`<form[^>]*id="${id.replace('.', '\\.')}"[^>]*>([\\s\\S]*?)</form>`).exec(html) ??
    // the page that carries a prefilled user_code submits itself (a form without an id)
    /<form method="post"[^>]*>([\s\S]*?)<\/form>/.exec(html);
  if (!form) throw new Error(`tenant page without form ${id}: ${html.slice(0, 400)}`);
  const action = /action="([^"]+)"/.exec(form[0])![1]!;
  const fields = new URLSearchParams();
  for (const input of form[1]!.matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(input[0])?.[1];
    const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
    if (name) fields.set(name, value.replace(/&amp;/g, '&'));
  }
  for (const [k, v] of Object.entries(extra)) fields.set(k, v);
  return browser.follow(new URL(action, issuer).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: fields,
  });
}

/** The tenant's device pages as a browser walks them: code (prefilled), confirm or decline, login. */
async function verifyOnTenantPages(
  browser: TenantBrowser,
  issuer: string,
  complete: string,
  user: TestUserId,
  decision: 'approve' | 'deny',
): Promise<void> {
  // verification_uri_complete answers a page that submits the code itself (a script; done here by hand)
  const input = await browser.follow(complete);
  const inputHtml = await input.response.text();
  const confirm = await submit(browser, issuer, inputHtml, 'op.deviceInputForm');
  const confirmHtml = await confirm.response.text();
  const answered = await submit(
    browser,
    issuer,
    confirmHtml,
    'op.deviceConfirmForm',
    decision === 'deny' ? { abort: 'yes' } : {},
  );
  if (decision === 'deny') return;
  const loginHtml = await answered.response.text();
  const action = new RegExp(
    `<form method="post" action="([^"]+)">\\s*<input type="hidden" name="user" value="${user}">`,
  ).exec(loginHtml);
  if (!action)
    throw new Error(
      `tenant device flow: no login page (${answered.response.status}) ${loginHtml.slice(0, 300)}`,
    );
  const done = await browser.follow(new URL(action[1]!, issuer).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ user }),
  });
  const text = await done.response.text();
  if (!text.includes('Device connected'))
    throw new Error(`tenant device flow did not finish: ${text.slice(0, 300)}`);
}

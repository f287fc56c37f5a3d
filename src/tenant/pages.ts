/**
 * The tenant's own HTML: login (pick a test user), logout confirmation, logout done, errors.
 * Self-contained (no external fonts, scripts or images), every interpolated value HTML-escaped.
 */
import { findTestUserByHint, type TestUser } from '../oidc/catalogue/fixtures';

export const loginPageTitle = 'Local test tenant — test users only';

export function escapeHtml(value: unknown): string {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const style = `
:root{color-scheme:light dark;--fg:#1c1e21;--bg:#fff;--muted:#525860;--accent:#0b5cad;--card:#f3f5f8}
@media (prefers-color-scheme:dark){:root{--fg:#e3e3e3;--bg:#1b1b1d;--muted:#b0b4ba;--accent:#7db7ff;--card:#26282b}}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0}
main{max-width:40rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .5rem}
p.note{color:var(--muted)}
ul{list-style:none;padding:0}
li{margin:.75rem 0}
button{font:inherit;width:100%;text-align:left;padding:.75rem 1rem;border:2px solid var(--accent);border-radius:.5rem;background:var(--card);color:var(--fg);cursor:pointer}
button:hover{background:var(--bg)}
button:focus-visible{outline:3px solid var(--accent);outline-offset:3px}
button .who{display:block;font-weight:600}
button .how{display:block;color:var(--muted);font-size:.9rem}
.hint{border-width:4px}
code{font-size:.9em}
`;

export function page(title: string, body: string, extraHead = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${style}</style>${extraHead}
</head>
<body><main>${body}</main></body>
</html>`;
}

export function loginPage(options: {
  action: string;
  users: readonly TestUser[];
  clientId: string;
  scope: string;
  loginHint: string | undefined;
  /** prompt=login was asked: say why the screen shows although there may be a session. */
  forced?: boolean;
}): string {
  // The same rule as the mock's login screen: a phone number with or without +47 names a user.
  const hintedUser = findTestUserByHint(options.loginHint);
  const items = options.users
    .map((user) => {
      const name = `${user.claims.given_name} ${user.claims.family_name}`.trim();
      const hinted = hintedUser?.id === user.id;
      return `<li><form method="post" action="${escapeHtml(options.action)}">
<input type="hidden" name="user" value="${escapeHtml(user.id)}">
<button type="submit"${hinted ? ' class="hint" autofocus aria-describedby="hint-note"' : ''}><span class="who">${escapeHtml(name)} · ${escapeHtml(user.msisdn)}</span><span class="how">${escapeHtml(user.label)}</span></button>
</form></li>`;
    })
    .join('\n');
  return page(
    loginPageTitle,
    `<h1>${escapeHtml(loginPageTitle)}</h1>
<p class="note">This is the portal’s local OpenID Provider, not TelenorID+. Choose a test user to log in as: no password is asked.</p>
<p>Client <code>${escapeHtml(options.clientId)}</code> asks for <code>${escapeHtml(options.scope)}</code>.</p>
${options.forced ? '<p>prompt=login: TelenorID+ asks the user to log in again, even with a session.</p>' : ''}
${hintedUser ? `<p id="hint-note">The login_hint <code>${escapeHtml(options.loginHint)}</code> names this user: marked with a thicker border and selected first.</p>` : ''}
${options.loginHint && !hintedUser ? `<p>The login_hint <code>${escapeHtml(options.loginHint)}</code> names none of the test users, so none is preselected.</p>` : ''}
<ul aria-label="Test users">
${items}
</ul>`,
  );
}

/** RP-initiated logout confirmation. Submits itself (TelenorID+ logs out without asking); the button is the no-script fallback. */
export function logoutPage(form: string): string {
  const withLogout = form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>');
  return page(
    'Signing out — local test tenant',
    `<h1>Signing out of the local test tenant</h1>
${withLogout}
<p><button type="submit" form="op.logoutForm">Sign out</button></p>
<script>document.getElementById('op.logoutForm').submit()</script>`,
  );
}

export function logoutSuccessPage(clientId: string | undefined): string {
  return page(
    'Signed out — local test tenant',
    `<h1>You are now logged out</h1>
<p>The session at the local test tenant has ended${clientId ? ` (client <code>${escapeHtml(clientId)}</code>)` : ''}, and every refresh token issued in it is revoked.</p>`,
  );
}

export function errorPage(out: Record<string, unknown>): string {
  const rows = Object.entries(out)
    .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd><code>${escapeHtml(value)}</code></dd>`)
    .join('');
  return page(
    'Error — local test tenant',
    `<h1>The local test tenant refused the request</h1><dl>${rows}</dl>`,
  );
}

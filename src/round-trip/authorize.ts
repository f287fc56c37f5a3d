/**
 * The mock TelenorID+'s authorization endpoint (`<baseUrl>mock/authorize/`, a static page built by
 * plugins/round-trip-pages.ts): a service worker never sees a cross-origin navigation, so the
 * mock's discovery document points here (src/mocks/README.md). A thin renderer of the mock's own
 * decisions (`answerMockAuthorizePage`, `answerMockLogin` in src/mocks/browser.ts): a redirect to the
 * client's redirect_uri, the login screen (the fixture users, as a plain form), or an error shown
 * here — an unknown client or redirect_uri is never redirected to. Text only, never HTML.
 */
import { answerMockAuthorizePage, answerMockLogin } from '../mocks/browser';
import type { MockAuthorizeResult } from '../mocks/tenant';
import { applyColourMode, baseUrl, h, setStatus, showAlert } from './dom';

type LoginScreen = Extract<MockAuthorizeResult, { kind: 'login' }>;

const stepNames: Record<string, string> = { login: 'the login', consent: 'consent', sso: 'the SSO session' };

function failed(): void {
  showAlert(
    'server_error',
    'The mock could not answer this request. Reload the page, or start the login again.',
  );
}

function follow(result: MockAuthorizeResult): void {
  document.getElementById('mock-login')?.remove();
  if (result.kind === 'error_page') {
    showAlert(result.error, result.error_description);
    return;
  }
  if (result.kind === 'login') {
    showLogin(result);
    return;
  }
  setStatus(
    result.outcome === 'code'
      ? `Logged in through ${result.shown.map((s) => stepNames[s] ?? s).join(' and ')}. Returning to the application…`
      : 'Returning to the application with an error…',
  );
  window.location.replace(result.redirectTo);
}

/** The login screen: one submit button per test user; the hinted one first in focus. */
function showLogin(screen: LoginScreen): void {
  setStatus('Choose a test user to log in.');
  const list = h('ul', { 'aria-label': 'Test users', class: 'users' });
  let hinted: HTMLElement | undefined;
  for (const user of screen.users) {
    const button = h(
      'button',
      {
        type: 'submit',
        name: 'user',
        value: user.id,
        class: user.id === screen.preselected ? 'user user--hinted' : 'user',
        ...(user.id === screen.preselected ? { 'aria-describedby': 'mock-login-hint' } : {}),
      },
      h('strong', {}, `${user.name} · ${user.msisdn}`),
      h('br'),
      h('span', {}, user.label),
    );
    if (user.id === screen.preselected) hinted = button;
    list.append(h('li', {}, button));
  }
  const form = h(
    'form',
    { id: 'mock-login', 'aria-labelledby': 'mock-login-heading' },
    h('h2', { id: 'mock-login-heading' }, 'Choose a test user'),
    h(
      'p',
      {},
      'Client ',
      h('code', {}, screen.clientId),
      ' asks for ',
      h('code', {}, screen.scope),
      '. No password is asked: pick who logs in.',
    ),
    ...screen.notes.map((note) => h('p', {}, note)),
    screen.error !== undefined && h('div', { class: 'alert', role: 'alert' }, screen.error),
    list,
    screen.preselected !== undefined &&
      h('p', { id: 'mock-login-hint' }, 'The login_hint names this user: it is selected first.'),
  ) as HTMLFormElement;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const picked = (event.submitter as HTMLButtonElement | null)?.value ?? '';
    for (const b of form.querySelectorAll('button')) b.disabled = true;
    setStatus('Logging in…');
    answerMockLogin({ baseUrl: baseUrl(), request: screen.request, userId: picked }).then(follow, failed);
  });
  document.getElementById('status')?.after(form);
  // As a login form with a prefilled number would; otherwise the first user.
  (hinted ?? form.querySelector('button'))?.focus();
}

applyColourMode();
answerMockAuthorizePage({ baseUrl: baseUrl() }).then(follow, failed);

// runLogin (src/widgets/shared/runLogin.ts): every way a login round trip ends is a typed outcome. The
// browser is a stub here: a window that opens a popup (or not), posts messages, and has (or lacks) storage.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  callbackMessageType,
  frameCallbackMessageType,
  roundTripStorageKey,
} from '../../src/widgets/shared/loginRoundTrip';
import { resumeLogin, runLogin } from '../../src/widgets/shared/runLogin';
import { failure, type AuthorizationSecrets } from '../../src/oidc';

const origin = 'https://portal.test';
const secrets: AuthorizationSecrets = {
  codeVerifier: 'v'.repeat(43),
  state: 'state-1',
  nonce: 'nonce-1',
  redirectUri: `${origin}/callback/`,
};
const authorize = {
  purpose: 'authorize',
  url: 'https://mock.telenorid.invalid/authorize?x=1',
  secrets,
} as const;

type FakePopup = { closed: boolean; close(): void; location: { href: string } };
let win: EventTarget & Record<string, unknown>;
let popup: FakePopup | null;
let storage: Map<string, string> | undefined;

function post(data: unknown, from: unknown = popup, fromOrigin = origin) {
  const event = Object.assign(new Event('message'), { data, source: from, origin: fromOrigin });
  win.dispatchEvent(event);
}

beforeEach(() => {
  popup = {
    closed: false,
    close: vi.fn(() => void (popup!.closed = true)),
    location: { href: 'about:blank' },
  };
  storage = new Map();
  win = Object.assign(new EventTarget() as EventTarget & Record<string, unknown>, {
    open: vi.fn(() => popup),
    location: { origin, pathname: '/tools/scope-builder', search: '?env=mock', assign: vi.fn() },
    sessionStorage: {
      getItem: (k: string) => {
        if (!storage) throw new Error('denied');
        return storage.get(k) ?? null;
      },
      setItem: (k: string, v: string) => {
        if (!storage) throw new Error('denied');
        storage.set(k, v);
      },
      removeItem: (k: string) => storage?.delete(k),
    },
  });
  vi.stubGlobal('window', win);
});
afterEach(() => vi.unstubAllGlobals());

describe('runLogin', () => {
  it('popup: opens before the request is built, and hands back the callback parsed, state checked', async () => {
    let built = false;
    const pending = runLogin(
      async () => {
        built = true;
        return { ok: true, request: authorize };
      },
      { mode: 'popup' },
    );
    expect(win['open']).toHaveBeenCalledTimes(1); // synchronously, in the click
    expect(built).toBe(true);
    await Promise.resolve();
    await Promise.resolve();
    expect(popup!.location.href).toBe(authorize.url);
    post({ type: callbackMessageType, url: `${origin}/callback/?code=c&state=wrong` }, {}); // another window: ignored
    post(
      { type: callbackMessageType, url: `${origin}/callback/?code=c&state=wrong` },
      popup,
      'https://evil.example',
    );
    post({ type: callbackMessageType, url: `${origin}/callback/?code=abc&state=state-1` });
    const outcome = await pending;
    expect(outcome.kind).toBe('callback');
    if (outcome.kind !== 'callback') return;
    expect(outcome.stateMatches).toBe(true);
    expect(outcome.answer?.ok && outcome.answer.response.code).toBe('abc');
  });

  it('popup: a request already built opens the window on its URL, not on a blank page navigated after', async () => {
    const pending = runLogin(authorize, { mode: 'popup' });
    expect(win['open']).toHaveBeenCalledTimes(1);
    expect((win['open'] as ReturnType<typeof vi.fn>).mock.calls[0]![0]).toBe(authorize.url);
    await Promise.resolve();
    expect(popup!.location.href).toBe('about:blank'); // the fake window: never told to go anywhere else
    post({ type: callbackMessageType, url: `${origin}/callback/?code=abc&state=state-1` });
    expect((await pending).kind).toBe('callback');
  });

  it('a state this browser did not send is a callback whose answer is state_mismatch', async () => {
    const pending = runLogin(authorize, { mode: 'popup' });
    await Promise.resolve();
    post({ type: callbackMessageType, url: `${origin}/callback/?code=abc&state=forged` });
    const outcome = await pending;
    expect(outcome.kind === 'callback' && !outcome.answer?.ok && outcome.answer?.failure.code).toBe(
      'state_mismatch',
    );
  });

  it('a request that cannot be built closes the popup and sends nothing', async () => {
    const outcome = await runLogin(async () => failure('invalid_client', { detail: 'No client_id.' }), {
      mode: 'popup',
    });
    expect(outcome).toMatchObject({ kind: 'not_sent', failure: { code: 'invalid_client' } });
    expect(popup!.close).toHaveBeenCalled();
  });

  it('a closed popup is `closed`', async () => {
    const pending = runLogin(authorize, { mode: 'popup' });
    popup!.closed = true;
    expect(await pending).toEqual({ kind: 'closed' });
  });

  it('blocked popup: popup_blocked without a redirect; with one, the tab goes and the secrets wait in storage', async () => {
    popup = null;
    expect(await runLogin(authorize, { mode: 'popup' })).toEqual({ kind: 'popup_blocked' });
    const outcome = await runLogin(authorize, {
      mode: 'popup',
      redirect: { widget: 'scope-builder', context: { selection: { scopes: ['openid'] } } },
    });
    expect(outcome).toEqual({ kind: 'redirected' });
    expect((win['location'] as { assign: ReturnType<typeof vi.fn> }).assign).toHaveBeenCalledWith(
      authorize.url,
    );
    const stored = JSON.parse(storage!.get(roundTripStorageKey)!);
    expect(stored).toMatchObject({
      widget: 'scope-builder',
      returnTo: '/tools/scope-builder?env=mock',
      secrets,
    });
  });

  it('no session storage: storage_blocked (popup_blocked when a popup was blocked), and the tab stays', async () => {
    popup = null;
    storage = undefined;
    const outcome = await runLogin(authorize, { mode: 'redirect', redirect: { widget: 'w', context: {} } });
    expect(outcome).toEqual({ kind: 'storage_blocked' });
    expect(await runLogin(authorize, { mode: 'popup', redirect: { widget: 'w', context: {} } })).toEqual({
      kind: 'popup_blocked',
    });
    expect((win['location'] as { assign: ReturnType<typeof vi.fn> }).assign).not.toHaveBeenCalled();
  });

  it('an end-session URL comes back state-checked, with no code to parse', async () => {
    const pending = runLogin(
      {
        purpose: 'end_session',
        url: 'https://mock.telenorid.invalid/logout',
        state: 'bye',
        redirectUri: `${origin}/callback/`,
      },
      { mode: 'popup' },
    );
    await Promise.resolve();
    post({ type: callbackMessageType, url: `${origin}/callback/?state=other` });
    expect(await pending).toEqual({
      kind: 'callback',
      url: `${origin}/callback/?state=other`,
      stateMatches: false,
    });
  });

  it('frame: a prompt=none answer from the hidden frame, and the frame is removed; silence is a timeout', async () => {
    const frameWindow = {};
    const removed = vi.fn();
    const frame: Record<string, unknown> = {
      contentWindow: frameWindow,
      remove: removed,
      setAttribute: vi.fn(),
    };
    vi.stubGlobal('document', { createElement: () => frame, body: { appendChild: vi.fn() } });
    const pending = runLogin(authorize, { mode: 'frame' });
    expect(win['open']).not.toHaveBeenCalled();
    await Promise.resolve();
    expect(frame['src']).toBe(authorize.url);
    post(
      { type: callbackMessageType, url: `${origin}/callback/?error=login_required&state=state-1` },
      frameWindow,
    );
    post(
      { type: frameCallbackMessageType, url: `${origin}/callback/?error=login_required&state=state-1` },
      frameWindow,
    );
    const outcome = await pending;
    expect(outcome.kind === 'callback' && !outcome.answer?.ok && outcome.answer?.failure.code).toBe(
      'login_required',
    );
    expect(removed).toHaveBeenCalled();
    expect(await runLogin(authorize, { mode: 'frame', timeoutMs: 20 })).toEqual({ kind: 'timeout' });
  });

  it('resumeLogin: the answer a redirect brought back, once', () => {
    storage!.set(
      roundTripStorageKey,
      JSON.stringify({
        widget: 'scope-builder',
        returnTo: '/tools/scope-builder',
        context: { n: 1 },
        secrets,
        startedAt: Date.now(),
        callbackUrl: `${origin}/callback/?code=abc&state=state-1`,
      }),
    );
    const back = resumeLogin<{ n: number }>('scope-builder');
    expect(back?.context).toEqual({ n: 1 });
    expect(back?.outcome.answer?.ok).toBe(true);
    expect(resumeLogin('scope-builder')).toBeUndefined();
  });
});

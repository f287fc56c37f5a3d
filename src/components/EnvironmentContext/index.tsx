/**
 * The one environment the whole site talks to (mock, local tenant, staging, production, custom),
 * shared with every widget through React context. Kept tiny on purpose: it is loaded on every page,
 * so it imports no OIDC client, JWT, MSW or mock code.
 *
 * Where the choice comes from, strongest first: `?env=` (plus `?issuer=` for custom) in the URL, so a
 * shared link reproduces what the sender saw; else the environment a link chose earlier in this visit
 * (sessionStorage `tidp.environment.visit`, so it holds on every page of the site until the tab closes);
 * else the reader's own last choice in localStorage (`tidp.environment`; not a secret, never tokens);
 * else Mock. A link never overwrites the reader's own choice. Browser state is read in an effect after
 * hydration, so the static HTML and the first client render agree (both say Mock).
 *
 * A custom issuer that came in a link is `unconfirmed` until the reader confirms it once in this visit
 * (`confirmIssuer`, remembered in the same sessionStorage entry): widgets send it no login or token
 * request before that. Typing an issuer in the picker is the confirmation.
 */
import React, {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { useLocation } from '@docusaurus/router';
import {
  checkProviderUrl,
  defaultEnvironmentId,
  environmentFor,
  parseEnvironmentId,
  type EnvironmentId,
  type UrlCheck,
} from '@site/src/oidc/environments';

export type { EnvironmentId } from '@site/src/oidc/environments';

export const environmentStorageKey = 'tidp.environment';

export type EnvironmentProblem = Extract<UrlCheck, { ok: false }>['code'] | 'missing_issuer';

export type SetEnvironmentResult = { ok: true } | { ok: false; code: EnvironmentProblem };

export type EnvironmentValue = {
  id: EnvironmentId;
  /** The issuer URL widgets talk to; undefined only for a custom environment without one. */
  issuer: string | undefined;
  label: string;
  /** Plain http allowed (loopback issuers only). */
  allowHttp: boolean;
  /** Browser calls will probably be refused by CORS: offer the curl equivalent. */
  corsLikely: boolean;
  answeredBy: string;
  /** False until the browser's choice (URL, localStorage) has been read after hydration. */
  ready: boolean;
  /** Why a `?env=`/`?issuer=` link was not followed, when it was not. */
  linkProblem: EnvironmentProblem | undefined;
  /** A custom issuer chosen by a link that the reader has not confirmed in this visit. */
  unconfirmed: boolean;
  /** The reader trusts the link's custom issuer, for this visit. */
  confirmIssuer(): void;
  /** Switch environment (and remember it). A custom issuer must be https, or http on loopback. */
  setEnvironment(id: EnvironmentId, customIssuer?: string): SetEnvironmentResult;
};

type Choice = { id: EnvironmentId; customIssuer?: string; confirmed?: boolean };

/** Checks a choice; a custom one needs a valid issuer. */
export function validateChoice(id: EnvironmentId, customIssuer?: string): SetEnvironmentResult {
  if (id !== 'custom') return { ok: true };
  if (!customIssuer?.trim()) return { ok: false, code: 'missing_issuer' };
  const check = checkProviderUrl(customIssuer.trim());
  return check.ok ? { ok: true } : { ok: false, code: check.code };
}

/** The link-chosen environment of this visit. */
export const visitStorageKey = 'tidp.environment.visit';

function read(storage: 'localStorage' | 'sessionStorage', key: string): Choice | undefined {
  try {
    const raw = window[storage].getItem(key);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as { id?: unknown; issuer?: unknown; confirmed?: unknown };
    const id = parseEnvironmentId(typeof parsed.id === 'string' ? parsed.id : undefined);
    const customIssuer = typeof parsed.issuer === 'string' ? parsed.issuer : undefined;
    return id && validateChoice(id, customIssuer).ok
      ? { id, customIssuer, confirmed: parsed.confirmed === true }
      : undefined;
  } catch {
    return undefined; // storage blocked or garbage: fall back to the default
  }
}

function write(storage: 'localStorage' | 'sessionStorage', key: string, choice?: Choice): void {
  try {
    if (!choice) window[storage].removeItem(key);
    else
      window[storage].setItem(
        key,
        // undefined members drop out: {"id":"local"}, {"id":"custom","issuer":"https://…"}
        JSON.stringify({ id: choice.id, issuer: choice.customIssuer, confirmed: choice.confirmed }),
      );
  } catch {
    // Private mode or storage disabled: the choice still holds for this page.
  }
}

const EnvironmentContext = createContext<EnvironmentValue | undefined>(undefined);

export function EnvironmentProvider({ children }: { children: ReactNode }): ReactNode {
  const { siteConfig } = useDocusaurusContext();
  const localIssuer =
    typeof siteConfig.customFields?.localTenantIssuer === 'string'
      ? siteConfig.customFields.localTenantIssuer
      : undefined;
  const { search } = useLocation();
  const [choice, setChoice] = useState<Choice>({ id: defaultEnvironmentId });
  const [ready, setReady] = useState(false);
  const [linkProblem, setLinkProblem] = useState<EnvironmentProblem | undefined>();

  // After hydration and on every page: a link's ?env=, else this visit's link choice, else the
  // reader's own. A link's choice is kept for the visit (sessionStorage), never in localStorage.
  useEffect(() => {
    const params = new URLSearchParams(search);
    const id = parseEnvironmentId(params.get('env'));
    const own = read('localStorage', environmentStorageKey);
    let visit = read('sessionStorage', visitStorageKey);
    if (id) {
      const customIssuer = id === 'custom' ? params.get('issuer')?.trim() : undefined;
      const result = validateChoice(id, customIssuer);
      setLinkProblem(result.ok ? undefined : result.code);
      if (result.ok) {
        const same = (c?: Choice) => c?.id === id && c.customIssuer === customIssuer;
        // Confirmed: not custom, or the reader typed or confirmed this very issuer before.
        const confirmed = id !== 'custom' || (same(visit) && !!visit?.confirmed) || same(own);
        visit = { id, customIssuer, confirmed };
        write('sessionStorage', visitStorageKey, visit);
      }
    }
    setChoice(visit ?? { ...(own ?? { id: defaultEnvironmentId }), confirmed: true });
    setReady(true);
  }, [search]);

  const setEnvironment = useCallback((id: EnvironmentId, customIssuer?: string): SetEnvironmentResult => {
    const result = validateChoice(id, customIssuer);
    if (!result.ok) return result;
    const next: Choice = {
      id,
      customIssuer: id === 'custom' ? customIssuer?.trim() : undefined,
      confirmed: true,
    };
    setChoice(next);
    setLinkProblem(undefined);
    // The reader's own choice: remembered, and it ends the link's choice for this visit.
    write('localStorage', environmentStorageKey, { ...next, confirmed: undefined });
    write('sessionStorage', visitStorageKey);
    return result;
  }, []);

  const confirmIssuer = useCallback(() => {
    setChoice((current) => {
      const next = { ...current, confirmed: true };
      write('sessionStorage', visitStorageKey, next);
      return next;
    });
  }, []);

  const value = useMemo<EnvironmentValue>(() => {
    const env = environmentFor(choice.id, { localIssuer, customIssuer: choice.customIssuer });
    const check = env.id === 'custom' && env.issuer ? checkProviderUrl(env.issuer) : undefined;
    return {
      id: env.id,
      issuer: env.issuer,
      label: env.label,
      // A custom issuer on loopback may be http (the rule of checkProviderUrl); nothing else may.
      allowHttp: env.allowsHttp || (check?.ok === true && check.loopbackHttp),
      corsLikely: env.corsLikely,
      answeredBy: env.answeredBy,
      ready,
      linkProblem,
      unconfirmed: env.id === 'custom' && !choice.confirmed,
      confirmIssuer,
      setEnvironment,
    };
  }, [choice, localIssuer, ready, linkProblem, setEnvironment, confirmIssuer]);

  return <EnvironmentContext.Provider value={value}>{children}</EnvironmentContext.Provider>;
}

/** The site's current environment. Use inside the site (Root provides it). */
export function useEnvironment(): EnvironmentValue {
  const value = useContext(EnvironmentContext);
  if (!value)
    throw new Error('useEnvironment() needs <EnvironmentProvider> (src/theme/Root.tsx provides it).');
  return value;
}

/**
 * The one environment the whole site talks to (mock, local tenant, staging, production, custom),
 * shared with every widget through React context. Kept tiny on purpose: it is loaded on every page,
 * so it imports no OIDC client, JWT, MSW or mock code.
 *
 * Where the choice comes from, strongest first: `?env=` (plus `?issuer=` for custom) in the URL, so a
 * shared link reproduces what the sender saw; else the reader's last choice in localStorage
 * (`tidp.environment`; not a secret, never tokens); else Mock. Browser state is read in an effect after
 * hydration, so the static HTML and the first client render agree (both say Mock).
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
  /** Switch environment (and remember it). A custom issuer must be https, or http on loopback. */
  setEnvironment(id: EnvironmentId, customIssuer?: string): SetEnvironmentResult;
};

type Choice = { id: EnvironmentId; customIssuer?: string };

/** Checks a choice; a custom one needs a valid issuer. */
export function validateChoice(id: EnvironmentId, customIssuer?: string): SetEnvironmentResult {
  if (id !== 'custom') return { ok: true };
  if (!customIssuer?.trim()) return { ok: false, code: 'missing_issuer' };
  const check = checkProviderUrl(customIssuer.trim());
  return check.ok ? { ok: true } : { ok: false, code: check.code };
}

function readStored(): Choice | undefined {
  try {
    const raw = window.localStorage.getItem(environmentStorageKey);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as { id?: unknown; issuer?: unknown };
    const id = parseEnvironmentId(typeof parsed.id === 'string' ? parsed.id : undefined);
    const customIssuer = typeof parsed.issuer === 'string' ? parsed.issuer : undefined;
    return id && validateChoice(id, customIssuer).ok ? { id, customIssuer } : undefined;
  } catch {
    return undefined; // storage blocked or garbage: fall back to the default
  }
}

function store(choice: Choice): void {
  try {
    window.localStorage.setItem(
      environmentStorageKey,
      JSON.stringify(
        choice.id === 'custom' ? { id: choice.id, issuer: choice.customIssuer } : { id: choice.id },
      ),
    );
  } catch {
    // Private mode or storage disabled: the choice still holds for this visit.
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

  // After hydration: the remembered choice, once.
  useEffect(() => {
    const stored = readStored();
    if (stored) setChoice((current) => (current.id === defaultEnvironmentId ? stored : current));
    setReady(true);
  }, []);

  // A link's ?env= wins over the remembered choice, for this visit; it is not stored.
  useEffect(() => {
    const params = new URLSearchParams(search);
    const id = parseEnvironmentId(params.get('env'));
    if (!id) return;
    const customIssuer = params.get('issuer') ?? undefined;
    const result = validateChoice(id, customIssuer);
    if (result.ok) {
      setChoice({ id, customIssuer: id === 'custom' ? customIssuer?.trim() : undefined });
      setLinkProblem(undefined);
    } else {
      setLinkProblem(result.code);
    }
  }, [search]);

  const setEnvironment = useCallback((id: EnvironmentId, customIssuer?: string): SetEnvironmentResult => {
    const result = validateChoice(id, customIssuer);
    if (!result.ok) return result;
    const next: Choice = { id, customIssuer: id === 'custom' ? customIssuer?.trim() : undefined };
    setChoice(next);
    setLinkProblem(undefined);
    store(next);
    return result;
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
      setEnvironment,
    };
  }, [choice, localIssuer, ready, linkProblem, setEnvironment]);

  return <EnvironmentContext.Provider value={value}>{children}</EnvironmentContext.Provider>;
}

/** The site's current environment. Use inside the site (Root provides it). */
export function useEnvironment(): EnvironmentValue {
  const value = useContext(EnvironmentContext);
  if (!value)
    throw new Error('useEnvironment() needs <EnvironmentProvider> (src/theme/Root.tsx provides it).');
  return value;
}

/**
 * The one failure shape of src/oidc: every error a request can meet becomes an `OidcFailure`
 * with a stable code and the catalogue's explanation, never a thrown error.
 */
import { explain, type ErrorExplanation } from './catalogue';

export type OidcFailure = {
  /** Stable: an OAuth `error` code or one of the catalogue's `portalFailures` codes. */
  code: string;
  /** The OAuth `error` as the provider sent it, when it sent one. */
  error?: string;
  error_description?: string;
  /** HTTP status of the answer, when there was one. */
  status?: number;
  /** What happened and what to do, from the catalogue (derived from `code`). */
  explanation: ErrorExplanation;
  /** A sentence specific to this case (e.g. “the server is on another origin: probably CORS”). */
  detail?: string;
  /** The request as a shell command, secrets redacted. */
  curl?: string;
  /** The raw answer (a parsed body, or the original error), for a “show raw” panel. */
  cause?: unknown;
};

/** Either the value, or a failure; every public operation that can fail returns one of these. */
export type Result<T extends object> = ({ ok: true } & T) | { ok: false; failure: OidcFailure };

export function failure(
  code: string,
  extra: Omit<Partial<OidcFailure>, 'code' | 'explanation'> = {},
): { ok: false; failure: OidcFailure } {
  return { ok: false, failure: { code, explanation: explain(code), ...extra } };
}

/** Read a property of an unknown value without trusting its type. */
export function prop(value: unknown, key: string): unknown {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
  try {
    return Object.prototype.hasOwnProperty.call(value, key) || key in value
      ? (value as Record<string, unknown>)[key]
      : undefined;
  } catch {
    return undefined;
  }
}

export function stringProp(value: unknown, key: string): string | undefined {
  const v = prop(value, key);
  return typeof v === 'string' ? v : undefined;
}

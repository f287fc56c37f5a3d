/**
 * Fetching a JSON document from an untrusted URL without trusting anything about the answer:
 * scheme check, timeout, caller abort, no redirects, a byte cap read from the stream, and
 * tolerant JSON detection. Every outcome is a typed result; nothing here throws.
 */
import { checkProviderUrl } from './environments';
import { failure, type OidcFailure } from './failures';
import { toCurl, type FetchLike, type RecordedRequest } from './curl';

export type JsonFetchOptions = {
  /** The fetch to use (tests, a proxy); default globalThis.fetch. */
  fetch?: FetchLike;
  /** Give up after this long. Default 10 000 ms. */
  timeoutMs?: number;
  /** Refuse answers larger than this. Default 1 MiB. */
  maxBytes?: number;
  /** Cancel from outside (a widget unmounting, a new request). */
  signal?: AbortSignal;
  /** The page's origin, to tell whether a network error is likely CORS; default `location.origin` if any. */
  pageOrigin?: string;
};

export const defaultTimeoutMs = 10_000;
export const defaultMaxBytes = 1024 * 1024;

export type JsonFetchResult =
  | {
      ok: true;
      json: Record<string, unknown>;
      status: number;
      contentType: string | undefined;
      request: RecordedRequest;
      curl: string;
    }
  | { ok: false; failure: OidcFailure; request?: RecordedRequest };

function pageOriginOf(options: JsonFetchOptions): string | undefined {
  if (options.pageOrigin) return options.pageOrigin;
  const loc: unknown = (globalThis as { location?: unknown }).location;
  const origin = typeof loc === 'object' && loc !== null ? (loc as { origin?: unknown }).origin : undefined;
  return typeof origin === 'string' && origin !== 'null' ? origin : undefined;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 && n % (1024 * 1024) === 0
    ? `${n / (1024 * 1024)} MiB`
    : n >= 1024
      ? `${Math.round(n / 1024)} KiB`
      : `${n} bytes`;
}

type BodyRead = { ok: true; text: string } | { ok: false; tooLarge: true; readBytes: number };

/** Read a response body as text, stopping (and cancelling the stream) once it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number): Promise<BodyRead> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    // Not awaited: some stream sources never settle a cancel, and we are done with it either way.
    response.body?.cancel().catch(() => undefined);
    return { ok: false, tooLarge: true, readBytes: declared };
  }
  if (!response.body) return { ok: true, text: '' };
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  let total = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      reader.cancel().catch(() => undefined);
      return { ok: false, tooLarge: true, readBytes: total };
    }
    text += decoder.decode(value, { stream: true });
  }
  text += decoder.decode();
  return { ok: true, text };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function errorName(e: unknown): string | undefined {
  // DOMException names (TimeoutError, AbortError) are part of the platform, not minified classes.
  return typeof e === 'object' && e !== null && typeof (e as { name?: unknown }).name === 'string'
    ? (e as { name: string }).name
    : undefined;
}

/**
 * GET a JSON object from an untrusted URL. Never throws.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationRequest
 */
export async function fetchJsonObject(url: string, options: JsonFetchOptions = {}): Promise<JsonFetchResult> {
  const check = checkProviderUrl(url);
  if (!check.ok) return failure(check.code);
  const request: RecordedRequest = {
    method: 'GET',
    url: check.url.href,
    headers: { Accept: 'application/json' },
  };
  const curl = toCurl(request);
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  if (options.signal?.aborted) return { ...failure('aborted', { curl }), request };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const abortedResult = () =>
    timedOut
      ? failure('timeout', { curl, detail: `No answer within ${timeoutMs / 1000} s.` })
      : failure('aborted', { curl });
  // Some fetch implementations (and MSW's delay) ignore the signal: race against it too.
  const abortPromise = new Promise<'aborted'>((resolve) =>
    controller.signal.addEventListener('abort', () => resolve('aborted'), { once: true }),
  );

  try {
    const fetched = await Promise.race([
      doFetch(check.url.href, {
        method: 'GET',
        headers: request.headers,
        redirect: 'manual',
        signal: controller.signal,
      }).then(
        (response) => ({ response }),
        (error: unknown) => ({ error }),
      ),
      abortPromise,
    ]);
    if (fetched === 'aborted') return { ...abortedResult(), request };
    if ('error' in fetched) {
      const name = errorName(fetched.error);
      if (controller.signal.aborted || name === 'AbortError' || name === 'TimeoutError')
        return { ...abortedResult(), request };
      const page = pageOriginOf(options);
      const crossOrigin = page !== undefined && page !== check.url.origin;
      // On loopback the usual cause is simpler than CORS: nothing is listening (the local tenant is not started).
      const detail = check.loopbackHttp
        ? `Nothing answered at ${check.url.origin}, or it did not allow this site to read the answer (CORS). If it is the local test tenant, start it with \`npm start\` or \`npm run tenant\`, then try again.`
        : crossOrigin
          ? `${check.url.origin} is another origin than this page (${page}), so CORS is one possible cause — as likely as a host name that does not resolve, for a host you typed.`
          : `The request to ${check.url.origin} did not complete.`;
      return {
        ...failure('network_error', {
          curl,
          cause: fetched.error,
          detail,
        }),
        request,
      };
    }
    const response = fetched.response;
    const contentType = response.headers.get('content-type') ?? undefined;
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      return {
        ...failure('redirected', {
          status: response.status || undefined,
          curl,
          detail: location
            ? `The server redirects to ${location}.`
            : 'The server answers with a redirect (the browser hides where to).',
        }),
        request,
      };
    }
    const body = await Promise.race([readCapped(response, maxBytes), abortPromise]);
    if (body === 'aborted') return { ...abortedResult(), request };
    if (!body.ok) {
      return {
        ...failure('too_large', {
          status: response.status,
          curl,
          detail: `The answer is over ${formatBytes(maxBytes)} (the portal’s limit); ${formatBytes(body.readBytes)} read before stopping.`,
        }),
        request,
      };
    }
    const parsed = parseJson(body.text);
    if (response.status >= 400) {
      const json = parsed.ok && typeof parsed.value === 'object' && parsed.value !== null ? parsed.value : {};
      const error = (json as { error?: unknown }).error;
      const description = (json as { error_description?: unknown }).error_description;
      return {
        ...failure('http_error', {
          status: response.status,
          curl,
          ...(typeof error === 'string' ? { error } : {}),
          ...(typeof description === 'string' ? { error_description: description } : {}),
          detail: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
          cause: parsed.ok ? parsed.value : body.text.slice(0, 2000),
        }),
        request,
      };
    }
    const isHtml = /^\s*text\/html/i.test(contentType ?? '');
    if (isHtml || !parsed.ok) {
      return {
        ...failure('not_json', {
          status: response.status,
          curl,
          detail: `Content-Type: ${contentType ?? '(none)'}.`,
          cause: body.text.slice(0, 2000),
        }),
        request,
      };
    }
    if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
      return {
        ...failure('not_object', {
          status: response.status,
          curl,
          detail: Array.isArray(parsed.value)
            ? 'It is a JSON array.'
            : `It is a JSON ${typeof parsed.value}.`,
          cause: parsed.value,
        }),
        request,
      };
    }
    return {
      ok: true,
      json: parsed.value as Record<string, unknown>,
      status: response.status,
      contentType,
      request,
      curl,
    };
  } catch (error) {
    // readCapped can reject when the stream errors mid-way (connection reset, abort).
    if (controller.signal.aborted) return { ...abortedResult(), request };
    return { ...failure('network_error', { curl, cause: error }), request };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

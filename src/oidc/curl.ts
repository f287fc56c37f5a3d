/**
 * “Copy as curl” for every request src/oidc makes, with secrets replaced by placeholders unless
 * the reader asks for them, and with every value shell-quoted so pasting it runs nothing else.
 */

export type RequestBody =
  | { kind: 'form'; params: [string, string][] }
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string };

/** One HTTP request as src/oidc sent it (or would send it). */
export type RecordedRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: RequestBody;
};

export type CurlOptions = {
  /** Put the real secrets into the command (for a terminal on the reader's own machine). Default false. */
  includeSecrets?: boolean;
};

/** Form, JSON and query parameters whose values are secrets or tokens. */
export const secretParameters: readonly string[] = [
  // The authorization code is as good as a token until it is redeemed (with the verifier, once).
  'code',
  'device_code',
  'client_secret',
  'refresh_token',
  'code_verifier',
  'access_token',
  'id_token',
  'id_token_hint',
  'token',
  'client_assertion',
  'password',
];

/** Headers whose values are secrets. */
const secretHeaders = ['authorization', 'cookie', 'dpop'];

/**
 * Quote a string for a POSIX shell: wrapped in single quotes, each `'` written as `'\''`.
 * Nothing inside single quotes is expanded, so `$()`, backticks and newlines stay text.
 */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function placeholder(name: string): string {
  return `<${name}>`;
}

function redactHeader(name: string, value: string, include: boolean): string {
  if (include || !secretHeaders.includes(name.toLowerCase())) return value;
  const scheme = /^(Bearer|Basic|DPoP)\s/i.exec(value)?.[1];
  if (scheme?.toLowerCase() === 'bearer') return `Bearer ${placeholder('access_token')}`;
  if (scheme?.toLowerCase() === 'basic') return `Basic ${placeholder('base64(client_id:client_secret)')}`;
  return placeholder(name.toLowerCase());
}

function redactJson(value: unknown, include: boolean): unknown {
  if (include || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = secretParameters.includes(k) ? placeholder(k) : v;
  return out;
}

function redactUrl(url: string, include: boolean): string {
  if (include) return url;
  try {
    const u = new URL(url);
    let changed = false;
    for (const key of [...u.searchParams.keys()]) {
      if (secretParameters.includes(key)) {
        u.searchParams.set(key, placeholder(key));
        changed = true;
      }
    }
    return changed ? u.href : url;
  } catch {
    return url;
  }
}

/** A URL as shown beside its answer: each secret query value (a code, a token …) replaced by a placeholder. */
export function redactUrlSecrets(url: string): string {
  return redactUrl(url, false);
}

/**
 * Render a request as a curl command, one option per line.
 * Secrets (the code, client_secret, refresh_token, code_verifier, tokens, the Authorization header) become
 * placeholders such as `<client_secret>` unless `includeSecrets` is set.
 */
export function toCurl(request: RecordedRequest, options: CurlOptions = {}): string {
  const include = options.includeSecrets === true;
  const lines: string[] = [];
  const method = request.method.toUpperCase();
  lines.push(method === 'GET' && !request.body ? 'curl' : `curl -X ${shellQuote(method)}`);
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.toLowerCase() === 'content-length') continue;
    lines.push(`  -H ${shellQuote(`${name}: ${redactHeader(name, value, include)}`)}`);
  }
  const body = request.body;
  if (body?.kind === 'form') {
    for (const [k, v] of body.params) {
      const shown = !include && secretParameters.includes(k) ? placeholder(k) : v;
      lines.push(`  --data-urlencode ${shellQuote(`${k}=${shown}`)}`);
    }
  } else if (body?.kind === 'json') {
    lines.push(`  --data-raw ${shellQuote(JSON.stringify(redactJson(body.value, include)))}`);
  } else if (body?.kind === 'text') {
    lines.push(`  --data-raw ${shellQuote(body.text)}`);
  }
  lines.push(`  ${shellQuote(redactUrl(request.url, include))}`);
  return lines.join(' \\\n');
}

/** Turn whatever fetch was given as a body into a `RequestBody`. */
export function describeBody(body: unknown, contentType: string | undefined): RequestBody | undefined {
  if (body === undefined || body === null) return undefined;
  if (body instanceof URLSearchParams) return { kind: 'form', params: [...body.entries()] };
  if (typeof body === 'string') {
    if (contentType?.includes('application/x-www-form-urlencoded')) {
      return { kind: 'form', params: [...new URLSearchParams(body).entries()] };
    }
    if (contentType?.includes('json')) {
      try {
        return { kind: 'json', value: JSON.parse(body) as unknown };
      } catch {
        return { kind: 'text', text: body };
      }
    }
    return { kind: 'text', text: body };
  }
  return { kind: 'text', text: '<binary body>' };
}

function headersToRecord(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers instanceof Headers) headers.forEach((v, k) => (out[k] = v));
  else if (Array.isArray(headers)) {
    for (const pair of headers) if (Array.isArray(pair)) out[String(pair[0])] = String(pair[1]);
  } else if (typeof headers === 'object' && headers !== null) {
    for (const [k, v] of Object.entries(headers)) out[k] = String(v);
  }
  return out;
}

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * Wrap a fetch so every request it sends is also recorded (for curl). Used as openid-client's
 * `customFetch`, so the curl shows exactly what the library sent.
 */
export function recordingFetch(base: FetchLike, sink: RecordedRequest[]): FetchLike {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = headersToRecord(init?.headers);
    const contentType = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    const body = describeBody(init?.body, contentType);
    sink.push({ method: init?.method ?? 'GET', url, headers, ...(body ? { body } : {}) });
    return base(input, init);
  };
}

/**
 * Side-by-side comparison of two discovery documents (e.g. staging and the local tenant): which
 * fields both have with the same value, which differ, and which only one has. Pure and
 * defensive: the documents are untrusted JSON.
 */

export type ComparisonRow = {
  field: string;
  left: unknown;
  right: unknown;
  /** same: equal values; differs: both present, different; left-only / right-only: one side lacks it. */
  status: 'same' | 'differs' | 'left-only' | 'right-only';
  /** For arrays of strings: the values only one side lists. */
  onlyLeft?: string[];
  onlyRight?: string[];
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Compare values structurally, bounded in depth so hostile nesting cannot hang the tab. */
function sameValue(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (depth > 32 || typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => sameValue(v, b[i], depth + 1));
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return (
    ka.length === kb.length &&
    ka.every((k) =>
      sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1),
    )
  );
}

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * Endpoints differ by host between any two environments; compare them by path, so the
 * table highlights what really differs (a missing endpoint, another path).
 */
function comparable(field: string, value: unknown): unknown {
  if (
    (field.endsWith('_endpoint') || field.endsWith('_uri') || field === 'check_session_iframe') &&
    typeof value === 'string'
  ) {
    try {
      const u = new URL(value);
      return u.pathname;
    } catch {
      return value;
    }
  }
  if (isStringArray(value)) return [...value].sort();
  return value;
}

/**
 * One row per field present in either document, sorted by field name; the `issuer` row first.
 * Non-object inputs are treated as empty documents.
 */
export function compareDiscovery(left: unknown, right: unknown): ComparisonRow[] {
  const a = isRecord(left) ? left : {};
  const b = isRecord(right) ? right : {};
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort((x, y) =>
    x === 'issuer' ? -1 : y === 'issuer' ? 1 : x.localeCompare(y),
  );
  return fields.map((field): ComparisonRow => {
    const inA = Object.prototype.hasOwnProperty.call(a, field);
    const inB = Object.prototype.hasOwnProperty.call(b, field);
    const l = a[field];
    const r = b[field];
    if (!inB) return { field, left: l, right: undefined, status: 'left-only' };
    if (!inA) return { field, left: undefined, right: r, status: 'right-only' };
    const row: ComparisonRow = {
      field,
      left: l,
      right: r,
      status:
        field !== 'issuer' && sameValue(comparable(field, l), comparable(field, r)) ? 'same' : 'differs',
    };
    if (field === 'issuer' && l === r) row.status = 'same';
    if (isStringArray(l) && isStringArray(r)) {
      row.onlyLeft = l.filter((x) => !r.includes(x));
      row.onlyRight = r.filter((x) => !l.includes(x));
    }
    return row;
  });
}

export type ScopeCoverage = {
  /** False when `scopes_supported` is absent or not an array of strings. */
  published: boolean;
  /** TelenorID+ identity scopes (catalogue) the provider lists. */
  present: string[];
  /** TelenorID+ identity scopes it does not list. */
  missing: string[];
  /** Scopes it lists that TelenorID+ does not define (other providers' scopes, CIBA's, typos). */
  other: string[];
  /** `api:` scopes listed — TelenorID+ never publishes these (they live in Apigee). */
  apiListed: string[];
};

/**
 * Set a provider's `scopes_supported` against the TelenorID+ identity scopes of the catalogue.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata
 */
export function scopeCoverage(document: unknown, catalogueScopes: readonly string[]): ScopeCoverage {
  const listed = isRecord(document) ? document.scopes_supported : undefined;
  if (!isStringArray(listed)) {
    return { published: false, present: [], missing: [...catalogueScopes], other: [], apiListed: [] };
  }
  const set = new Set(listed);
  return {
    published: true,
    present: catalogueScopes.filter((s) => set.has(s)),
    missing: catalogueScopes.filter((s) => !set.has(s)),
    other: [...set].filter((s) => !catalogueScopes.includes(s) && !s.startsWith('api:')).slice(0, 500),
    apiListed: [...set].filter((s) => s.startsWith('api:')).slice(0, 500),
  };
}

/** One side of a comparison: its label (e.g. "TelenorID+ staging") and whether its document was read. */
export type ComparedSide = { label: string } & ({ ok: true; document: unknown } | { ok: false });

export type ComparisonOutcome =
  | { kind: 'compared'; rows: ComparisonRow[]; differing: number; sentence: string }
  /** A side whose document could not be read has nothing to compare: say that, not "22 of 22 differ". */
  | { kind: 'side-failed'; failed: ('left' | 'right')[]; sentence: string };

/** Compare two fetched sides, or say which side failed (its own failure sentence is shown with it). */
export function compareSides(left: ComparedSide, right: ComparedSide): ComparisonOutcome {
  if (!left.ok || !right.ok) {
    const failed = [...(left.ok ? [] : ['left' as const]), ...(right.ok ? [] : ['right' as const])];
    const sentence =
      failed.length === 2
        ? `Neither side could be read (left: ${left.label}, right: ${right.label}), so there is nothing to compare; why is below.`
        : failed[0] === 'left'
          ? `The left side (${left.label}) could not be read, so there is nothing to compare with ${right.label}; why is below.`
          : `The right side (${right.label}) could not be read, so there is nothing to compare with ${left.label}; why is below.`;
    return { kind: 'side-failed', failed, sentence };
  }
  const rows = compareDiscovery(left.document, right.document);
  const differing = rows.filter((r) => r.status !== 'same').length;
  return {
    kind: 'compared',
    rows,
    differing,
    sentence:
      differing === 0
        ? 'The two documents publish the same fields with the same values.'
        : `${differing} of ${rows.length} fields differ (endpoints are compared by path).`,
  };
}

/**
 * Where each catalogue fact comes from. Every entry in the catalogue carries one, so a reader (and
 * a test) can tell what TelenorID+ documents from what the portal assumes:
 * - `guide`: the TelenorID+ integration guide or its FAQ says it (`ref`: the facts sheet section and
 *   the old guide page/section, ../shared/facts/telenorid-plus-facts.md);
 * - `standard`: TelenorID+ is silent, and the portal assumes the standard behaviour (`ref`: the RFC
 *   or OpenID section, `url` to it);
 * - `portal-choice`: neither says it; the portal's mock or local tenant had to pick something
 *   (`why`: what and why). Shown as assumed, with the reason.
 */
export type FactSource =
  | { kind: 'guide'; ref: string }
  | { kind: 'standard'; ref: string; url: string }
  | { kind: 'portal-choice'; why: string };

export const fromGuide = (ref: string): FactSource => ({ kind: 'guide', ref });
export const fromStandard = (ref: string, url: string): FactSource => ({ kind: 'standard', ref, url });
export const portalChoice = (why: string): FactSource => ({ kind: 'portal-choice', why });

/** True when TelenorID+ does not document the fact: the reader must be shown it is assumed. */
export function isAssumed(source: FactSource): boolean {
  return source.kind !== 'guide';
}

/** The sentence behind the assumed mark (tooltip, footnote, assumptions page). */
export function assumedNote(source: FactSource): string {
  switch (source.kind) {
    case 'guide':
      return `Documented by TelenorID+ (${source.ref}).`;
    case 'standard':
      return `Not documented by TelenorID+; standard behaviour per ${source.ref}.`;
    case 'portal-choice':
      return `Not documented by TelenorID+; a choice of this portal’s mock and test tenant: ${source.why}`;
  }
}

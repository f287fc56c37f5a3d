/**
 * Every fact of the catalogue, the device flow's and CIBA's included (`polling-flows.ts`, which is
 * kept out of the catalogue's index so the pages that import the index do not carry it): what the
 * assumptions page and its Markdown twin list.
 */
import { catalogueFacts, type CatalogueFact } from './assumptions';
import { pollingFlowFacts } from './polling-flows';
import { isAssumed, type FactSource } from './sources';

export function allCatalogueFacts(): CatalogueFact[] {
  return [...catalogueFacts(), ...pollingFlowFacts().map((f) => ({ area: 'Behaviour' as const, ...f }))];
}

export function allAssumedFacts(): (CatalogueFact & { source: FactSource })[] {
  return allCatalogueFacts().filter(
    (f): f is CatalogueFact & { source: FactSource } => !!f.source && isAssumed(f.source),
  );
}

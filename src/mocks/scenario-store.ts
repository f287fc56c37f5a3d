/**
 * Where the browser's mock keeps its scenario between page loads (sessionStorage, this tab only), and
 * a reader that does not load the mock: a widget can show the mock's switches on page load without
 * bundling or starting it (issue #19: the mock only when the reader acts). The scenario holds no token.
 */
export const mockScenarioStorageKey = 'telenorid-portal:mock-scenario';

/** The scenario this tab saved, as an untyped record; `{}` when there is none (every switch off). */
export function readStoredMockScenario(): Readonly<Record<string, unknown>> {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(mockScenarioStorageKey) ?? '{}');
    return saved && typeof saved === 'object' && !Array.isArray(saved)
      ? (saved as Record<string, unknown>)
      : {};
  } catch {
    // Storage disabled or a damaged entry: the mock would start without a session too.
    return {};
  }
}

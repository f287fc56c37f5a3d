// Lighthouse 12 (mobile: its default emulated phone and simulated slow 4G) with Debian's Chromium,
// through the Lighthouse Node API and chrome-launcher. Each page is audited `runs` times in a fresh
// headless Chromium and each category keeps its median score, so one noisy run (a busy machine)
// does not decide the figure.
import * as chromeLauncher from 'chrome-launcher';

export const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof categories)[number];
export type LighthouseScores = Record<Category, number> & {
  runs: number[][];
  /** Audits that cost points in the last run outside performance: id → title. */
  failing: Record<string, string>;
};

export const chromeFlags = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const runTimeoutMs = 180_000;

const median = (values: number[]) => {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
};

type LhResult = {
  lhr: {
    categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
    audits: Record<string, { score: number | null; title: string; scoreDisplayMode: string }>;
  };
};

export async function lighthouseScores(url: string, runs: number): Promise<LighthouseScores> {
  // Lighthouse is an ES module; load it the ESM way from this CommonJS-compiled file.
  const { default: lighthouse } = (await import('lighthouse')) as unknown as {
    default: (url: string, flags: object) => Promise<LhResult | undefined>;
  };
  const scores: number[][] = [];
  const failing: Record<string, string> = {};
  for (let i = 0; i < runs; i += 1) {
    const chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      chromeFlags,
    });
    try {
      // A run that hangs (a starved machine) is dropped after 3 minutes rather than stalling the bench.
      let timer: NodeJS.Timeout | undefined;
      const result = await Promise.race([
        lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...categories],
          maxWaitForLoad: 60_000,
        }),
        new Promise<undefined>((resolve) => {
          timer = setTimeout(() => resolve(undefined), runTimeoutMs);
        }),
      ]);
      clearTimeout(timer);
      if (!result) {
        console.warn(
          `[bench] Lighthouse run ${i + 1} for ${url} gave no result within ${runTimeoutMs / 1000} s; dropped.`,
        );
        continue;
      }
      const { lhr } = result;
      scores.push(categories.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100)));
      for (const c of categories.slice(1)) {
        for (const ref of lhr.categories[c]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
            failing[ref.id] = audit.title;
        }
      }
    } finally {
      chrome.kill();
    }
  }
  const byCategory = Object.fromEntries(
    categories.map((c, i) => [c, median(scores.map((s) => s[i]!))]),
  ) as Record<Category, number>;
  return { ...byCategory, runs: scores, failing };
}

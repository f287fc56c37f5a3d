// Finds a Chromium for the e2e suite on any machine: CHROMIUM_PATH, then Debian's
// /usr/bin/chromium, then Playwright's own download. No browser is a one-sentence error.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function resolveChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(
        `CHROMIUM_PATH is set to ${fromEnv}, but no file is there: point it at a Chromium binary.`,
      );
    }
    return fromEnv;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = '';
  }
  if (bundled && existsSync(bundled)) return undefined; // let Playwright use its own
  throw new Error(
    'No Chromium found for the end-to-end tests: install one (Debian: `apt-get install -y chromium`) or set CHROMIUM_PATH to a Chromium binary.',
  );
}

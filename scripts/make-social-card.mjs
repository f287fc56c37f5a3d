// Renders static/img/social-card.png (1200×630, the Open Graph size) from the logo and the
// site's title with headless Chromium. Run again after changing either: node scripts/make-social-card.mjs
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const logo = readFileSync('static/img/logo.svg', 'utf8');
const html = `<!DOCTYPE html><html><body style="margin:0;width:1200px;height:630px;display:flex;align-items:center;
  gap:64px;padding:0 96px;box-sizing:border-box;background:linear-gradient(135deg,#00306b,#0062b8);
  font-family:'Liberation Sans',Arial,sans-serif;color:#fff">
  <div style="width:220px;height:220px;flex:none">${logo.replace('<svg', '<svg width="220" height="220"')}</div>
  <div><div style="font-size:72px;font-weight:700;line-height:1.1">TelenorID+<br>Developer Portal</div>
  <div style="font-size:32px;margin-top:28px;color:#c1e4ff">Guides, FAQ and live OpenID Connect tools</div></div>
</body></html>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(html);
await page.screenshot({ path: 'static/img/social-card.png' });
await browser.close();
console.log('wrote static/img/social-card.png');

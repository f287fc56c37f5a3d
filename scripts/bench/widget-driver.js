// The widget bench's driver (scripts/bench/widget-latency.ts), run inside a portal page in a Chromium
// that has no DevTools attached: scripts/static-server.mjs --bench-dir adds it to every portal page and
// serves the plan it follows (plan.json) and takes its report (POST report → report.json).
//
// Why in the page: a DevTools client (Playwright) attaches to every window and frame the page opens and
// holds each one until it has set it up, which adds 35–70 ms to a login window's round trip that no
// reader has (issue #19, Dec 2026). The clicks here are the element's click(), as the Playwright bench's
// timed clicks were; Chromium runs with --disable-popup-blocking since such a click carries no user
// gesture for window.open.
//
// The plan: { page, widget, status, button, verdict, alsoShown?, floor?, runs, setup: Step[], beforeEach: Step[],
// reload }; with `floor` ('window', 'frame' or 'window+frame') the driver times the browser's own round
// trip from this page through the bench's two empty pages instead of a click.
// where a Step is one of { check: selector } | { click: source } | { clickIfShown: source } |
// { gone: source } | { pickUser: true } | { status: source, selector? } | { sleep: ms }; a source is a
// RegExp source matched against a button's text.
(() => {
  const base = document.currentScript?.src.replace(/__bench\/driver\.js.*$/, '') ?? '/';
  const progressKey = 'bench.driver.progress';
  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const until = async (what, check, ms = 30_000) => {
    const start = performance.now();
    for (;;) {
      const value = check();
      if (value) return value;
      if (performance.now() - start > ms) throw new Error(`no ${what} within ${ms / 1000} s`);
      await wait(10);
    }
  };
  const report = (body) =>
    fetch(`${base}__bench/report`, { method: 'POST', body: JSON.stringify(body), keepalive: true });

  // The last window the page opened (the login window), so a step can pick a user on its login screen.
  let opened;
  const open = window.open;
  window.open = function (...args) {
    opened = open.apply(this, args);
    return opened;
  };

  async function main() {
    // No plan, or one for another page: this page is not being timed (the bench's Playwright rows).
    const answer = await fetch(`${base}__bench/plan.json`, { cache: 'no-store' });
    if (!answer.ok) return;
    const plan = await answer.json();
    if (location.pathname !== `${new URL(base).pathname}${plan.page}`) return;
    await until('hydration', () => document.documentElement.dataset.hasHydrated === 'true');
    const root = await until('widget', () => document.querySelector(`[data-widget="${plan.widget}"]`));
    const buttonFor = (source) =>
      [...root.querySelectorAll('button')].find((b) => new RegExp(source).test(b.textContent.trim()));
    const ready = (b) => b && !b.disabled && b.getAttribute('aria-disabled') !== 'true';
    const textOf = (selector) => root.querySelector(selector)?.textContent ?? '';

    async function step(s) {
      if (s.check) {
        const input = await until(`active ${s.check}`, () => {
          const found = root.querySelector(s.check);
          return found && !found.disabled && found.getAttribute('aria-disabled') !== 'true'
            ? found
            : undefined;
        });
        if (!input.checked) input.click();
        await until(`${s.check} checked`, () => input.checked);
      } else if (s.click) {
        const button = await until(`ready “${s.click}”`, () =>
          ready(buttonFor(s.click)) ? buttonFor(s.click) : undefined,
        );
        opened = undefined;
        button.click();
      } else if (s.clickIfShown) buttonFor(s.clickIfShown)?.click();
      else if (s.gone) await until(`“${s.gone}” gone`, () => !buttonFor(s.gone));
      else if (s.pickUser) {
        // The login screen when there is no session; a window that redirects at once closes by itself.
        await until('login window', () => opened);
        await until('a test user or the window closing', () => {
          if (opened.closed) return true;
          try {
            const user = opened.document.querySelector('ul[aria-label="Test users"] button');
            if (user) user.click();
            return Boolean(user);
          } catch {
            return false; // between two documents
          }
        });
        await until('the login window closing', () => opened.closed);
      } else if (s.status) {
        const pattern = new RegExp(s.status);
        await until(`status ${s.status}`, () => pattern.test(textOf(s.selector ?? plan.status)));
      } else if (s.sleep) await wait(s.sleep);
    }

    /** One click, timed from the click to the verdict (after the status first showed something else). */
    function timeClick() {
      return new Promise((resolve, reject) => {
        const target = buttonFor(plan.button);
        if (!target || !root.querySelector(plan.status)) return reject(new Error('no button or no status'));
        const pattern = new RegExp(plan.verdict);
        let seenOther = false;
        const timer = setTimeout(() => {
          observer.disconnect();
          const last = textOf(plan.status).slice(0, 120);
          reject(
            new Error(
              `no verdict within 20 s (${seenOther ? 'it changed' : 'it never changed'}; now: “${last}”)`,
            ),
          );
        }, 20_000);
        const observer = new MutationObserver(() => {
          if (!pattern.test(textOf(plan.status))) seenOther = true;
          else if (seenOther && (!plan.alsoShown || root.querySelector(plan.alsoShown))) {
            observer.disconnect();
            clearTimeout(timer);
            resolve(performance.now() - t0);
          }
        });
        observer.observe(root, { subtree: true, childList: true, characterData: true });
        const t0 = performance.now();
        target.click();
      });
    }
    /** The browser's own round trip from this page through the bench's two empty pages. */
    function timeFloorTrip(how) {
      return new Promise((resolve) => {
        let frame;
        const onMessage = (event) => {
          if (event.origin !== location.origin || event.data?.type !== 'bench:floor') return;
          window.removeEventListener('message', onMessage);
          frame?.remove();
          resolve();
        };
        window.addEventListener('message', onMessage);
        const url = `${base}__bench/floor-authorize.html?code=floor&state=floor`;
        if (how === 'window') open.call(window, url, 'tidp-login', 'popup,width=500,height=600');
        else {
          frame = document.createElement('iframe');
          frame.hidden = true;
          frame.src = url;
          document.body.appendChild(frame);
        }
      });
    }
    async function timeFloor() {
      const t0 = performance.now();
      for (const how of plan.floor.split('+')) await timeFloorTrip(how);
      return performance.now() - t0;
    }
    const clickWhenReady = async () => {
      if (plan.floor) return timeFloor();
      await until(`ready “${plan.button}”`, () => ready(buttonFor(plan.button)));
      return timeClick();
    };

    // As a reader looks before clicking: the widget has settled (its fields filled from the
    // environment, which happens after hydration) — nothing changed in it for 300 ms.
    await new Promise((resolve) => {
      let timer = setTimeout(done, 300);
      const observer = new MutationObserver(() => {
        clearTimeout(timer);
        timer = setTimeout(done, 300);
      });
      function done() {
        observer.disconnect();
        resolve();
      }
      observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    const progress = JSON.parse(sessionStorage.getItem(progressKey) ?? 'null');
    if (progress) {
      // Back after the reload: the first click after a page load (the mock's session survived in sessionStorage).
      sessionStorage.removeItem(progressKey);
      return report({ times: progress.times, firstAfterLoad: await clickWhenReady() });
    }
    for (const s of plan.setup) await step(s);
    const times = [];
    for (let i = 0; i <= plan.runs; i += 1) {
      for (const s of plan.beforeEach) await step(s);
      times.push(await clickWhenReady());
    }
    if (!plan.reload) return report({ times });
    sessionStorage.setItem(progressKey, JSON.stringify({ times }));
    location.reload();
  }

  main().catch((error) => report({ error: String(error?.message ?? error) }));
})();

// The build step that lets a page's own inline scripts run under its Content-Security-Policy, and
// nothing else (plugins/content-security-policy.ts).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addInlineHashes, inlineScriptHashes } from '../../plugins/content-security-policy';
import { metaContentSecurityPolicy } from '../../config/security-headers.mjs';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
const page = (body: string) =>
  `<html><head><meta http-equiv=Content-Security-Policy content="${metaContentSecurityPolicy}"></head><body>${body}</body></html>`;

describe('inline script hashes in the page policy', () => {
  it('hashes inline scripts, not external ones or JSON-LD data blocks', () => {
    const html = page(
      `<script>theme()</script><script src=/a.js defer></script><script type=application/ld+json>{"a":1}</script>`,
    );
    expect(inlineScriptHashes(html)).toEqual([sha('theme()')]);
  });

  it('adds them to script-src only, so the policy still names no unsafe-inline script', () => {
    const html = addInlineHashes(page('<script>theme()</script>'));
    const policy = /content="([^"]*)"/.exec(html)![1]!;
    expect(policy).toContain(`script-src 'self' ${sha('theme()')};`);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).not.toContain('frame-ancestors'); // ignored in a <meta>; the host sends it
  });

  it('adds a hash once, however often the page passes through (the round-trip pages are hashed when written)', () => {
    const once = addInlineHashes(page('<script>answer()</script><script>theme()</script>'));
    expect(addInlineHashes(once)).toBe(once);
    const policy = /content="([^"]*)"/.exec(once)![1]!;
    expect(policy).toContain(`script-src 'self' ${sha('answer()')} ${sha('theme()')};`);
  });

  it('leaves a page without the policy (a redirect page) alone', () => {
    const html = '<html><script>location.replace("/x")</script></html>';
    expect(addInlineHashes(html)).toBe(html);
  });
});

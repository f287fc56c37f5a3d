import { describe, expect, it } from 'vitest';
import { recordingFetch, shellQuote, toCurl, type RecordedRequest } from '../../src/oidc';

const tokenRequest: RecordedRequest = {
  method: 'POST',
  url: 'https://id-test.telenor.no/connect/token',
  headers: {
    'Content-Type': 'application/x-www-form-urlencoded',
    Authorization: 'Basic Y2xpZW50OnNlY3JldA==',
  },
  body: {
    kind: 'form',
    params: [
      ['grant_type', 'refresh_token'],
      ['client_id', 'client1'],
      ['client_secret', 'secret'],
      ['refresh_token', 'RT-123'],
      ['code_verifier', 'verifier'],
    ],
  },
};

describe('copy as curl', () => {
  it('quotes for the shell so pasting runs nothing else', () => {
    expect(shellQuote(`it's $(rm -rf /)`)).toBe(`'it'\\''s $(rm -rf /)'`);
  });

  it('replaces secrets with placeholders by default', () => {
    const curl = toCurl(tokenRequest);
    for (const secret of ['secret', 'RT-123', 'verifier', 'Y2xpZW50OnNlY3JldA=='])
      expect(curl).not.toMatch(new RegExp(`[=: ]${secret}'`));
    expect(curl).toContain(`--data-urlencode 'client_secret=<client_secret>'`);
    expect(curl).toContain(`'Authorization: Basic <base64(client_id:client_secret)>'`);
    expect(curl).toContain(`--data-urlencode 'client_id=client1'`);
    expect(curl.startsWith(`curl -X 'POST'`)).toBe(true);
  });

  it('includes the secrets only when asked', () => {
    const curl = toCurl(tokenRequest, { includeSecrets: true });
    expect(curl).toContain(`'refresh_token=RT-123'`);
    expect(curl).toContain('Y2xpZW50OnNlY3JldA==');
  });

  it('redacts a bearer token and JSON body secrets', () => {
    const curl = toCurl({
      method: 'POST',
      url: 'https://id.telenor.no/connect/customlogout',
      headers: { Authorization: 'Bearer eyJabc' },
      body: { kind: 'json', value: { id_token_hint: 'eyJxyz', state: 's1' } },
    });
    expect(curl).toContain('Bearer <access_token>');
    expect(curl).toContain('"id_token_hint":"<id_token_hint>"');
    expect(curl).toContain('"state":"s1"');
    expect(curl).not.toContain('eyJ');
  });

  it('records exactly what a fetch sent', async () => {
    const sink: RecordedRequest[] = [];
    const f = recordingFetch(async () => new Response('ok'), sink);
    await f('https://op.test/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ a: '1' }),
    });
    expect(sink[0]).toMatchObject({
      method: 'POST',
      url: 'https://op.test/token',
      body: { kind: 'form', params: [['a', '1']] },
    });
  });
});

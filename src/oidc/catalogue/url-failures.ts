/**
 * The portal's failures for an issuer URL that cannot be used, split from errors.ts so the navbar's
 * environment picker (on every page) carries these three sentences and not the whole error catalogue.
 * errors.ts spreads them into `portalFailures`; import them from there everywhere else.
 */
import type { ErrorExplanation } from './errors';
import { spec } from './guide';

export const urlFailures = {
  invalid_url: {
    code: 'invalid_url',
    meaning: 'The text is not an absolute URL.',
    reaction: 'Type the issuer as a full URL, for example https://id-test.telenor.no.',
    retry: 'never',
  },
  unsupported_scheme: {
    code: 'unsupported_scheme',
    meaning: 'Only https: URLs (and http: on this computer’s loopback address) can be an OpenID Provider.',
    reaction: 'Use an https:// URL.',
    retry: 'never',
  },
  insecure_http: {
    code: 'insecure_http',
    meaning:
      'Plain http: is allowed only for loopback hosts (localhost, 127.0.0.1, [::1]); anywhere else tokens would cross the network unencrypted.',
    reaction: 'Use https://, or run the provider on localhost for local testing.',
    retry: 'never',
    spec: spec.rfc9700,
  },
  credentials_in_url: {
    code: 'credentials_in_url',
    meaning: 'A user@ before the host hides the real host.',
    reaction: 'Type the issuer without it.',
    retry: 'never',
  },
} satisfies Record<string, ErrorExplanation>;

/**
 * Which codes have a section in the error reference, and its link: what a widget needs to link a
 * failure, without the reference's sentences (error-reference.ts) in the widget's bundle.
 */
import { oauthErrors, portalFailures, type OAuthErrorCode, type PortalFailureCode } from './errors';

export type ErrorCode = OAuthErrorCode | PortalFailureCode;

/** True when the code has a section in the error reference (so a widget may link it). */
export function hasErrorPage(code: string): code is ErrorCode {
  return (
    Object.prototype.hasOwnProperty.call(oauthErrors, code) ||
    Object.prototype.hasOwnProperty.call(portalFailures, code)
  );
}

/**
 * The site-relative link to a code's section of the error reference. (`/errors/<code>` also works: a
 * redirect file to the same place, for links typed or pasted by hand.)
 */
export function errorPagePath(code: ErrorCode): string {
  return `/errors#${code}`;
}

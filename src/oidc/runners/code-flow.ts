/**
 * The code-flow runner (the scope builder's Run): after the login came back to the callback page,
 * check the state, exchange the code with the PKCE verifier, verify both tokens' signatures, call
 * /userinfo, and mark each claim with the scope it came from (`completeCodeFlow`). It returns what a
 * reader sees: every request beside its answer, and one verdict.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#CodeFlowSteps
 */
import type { AuthorizationSecrets } from '../authorize';
import { parseCallback } from '../callback';
import type { ClientSettings } from '../client';
import { failureSentence, type FailureContext } from '../failure-sentence';
import { redactedTokenResponse } from '../refresh';
import { httpExchange, type Exchange, type RunReport } from '../run';
import { completeCodeFlow, type CodeFlowRun } from '../scope-builder';

export type CodeFlowInput = {
  settings: ClientSettings;
  /** The URL the provider sent the browser back to (`runLogin`'s callback). */
  callbackUrl: string;
  secrets: AuthorizationSecrets;
  /** The scopes the request asked for: the answer's granted scopes are compared with them. */
  requestedScopes: readonly string[];
  acrValues?: string;
  /** Where the run happens, for the failure sentence (`session.failureContext`). */
  context: Omit<FailureContext, 'step'>;
};

export type CodeFlowResult = { run: CodeFlowRun; clientId: string };

function endpoint(settings: ClientSettings, name: string): string {
  const value = settings.discovery[name];
  return typeof value === 'string' ? value : '';
}

/** The run's exchanges: the code exchange, then /userinfo when it was called. */
function exchangesOf(settings: ClientSettings, run: CodeFlowRun): Exchange[] {
  const list: Exchange[] = [
    httpExchange(
      'Code exchange at /token',
      { method: 'POST', url: endpoint(settings, 'token_endpoint'), curl: run.curl },
      { ok: true, body: redactedTokenResponse(run.view.tokens) },
    ),
  ];
  const u = run.userinfo;
  if (u)
    list.push(
      httpExchange(
        'The /userinfo request',
        {
          method: 'GET',
          url: endpoint(settings, 'userinfo_endpoint'),
          curl: u.ok ? u.curl : (u.failure.curl ?? ''),
        },
        u.ok ? { ok: true, body: u.claims } : { ok: false, failure: u.failure },
      ),
    );
  return list;
}

/** Run the rest of a code flow; never throws. The verdict's line is the sentence the widget shows. */
export async function runCodeFlow(input: CodeFlowInput): Promise<RunReport<CodeFlowResult>> {
  const { settings, context } = input;
  const parsed = parseCallback(input.callbackUrl, { state: input.secrets.state });
  if (!parsed.ok)
    return {
      exchanges: [],
      verdict: {
        ok: false,
        line: failureSentence(parsed.failure, { ...context, step: 'authorize' }),
        failure: parsed.failure,
      },
    };
  const result = await completeCodeFlow(settings, input.callbackUrl, input.secrets, input.requestedScopes, {
    ...(input.acrValues ? { acrValues: input.acrValues } : {}),
  });
  if (!result.ok) {
    const f = result.failure;
    return {
      exchanges: [
        httpExchange(
          'Code exchange at /token',
          { method: 'POST', url: endpoint(settings, 'token_endpoint'), curl: f.curl ?? '' },
          { ok: false, failure: f },
        ),
      ],
      verdict: { ok: false, line: failureSentence(f, { ...context, step: 'token' }), failure: f },
    };
  }
  const { run } = result;
  const warning = run.warnings.length > 0;
  return {
    exchanges: exchangesOf(settings, run),
    verdict: {
      ok: true,
      ...(warning ? { warning } : {}),
      line: `${warning ? 'Done, with a warning' : 'Done'}: tokens received from ${context.environment} for ${settings.clientId}; the claims are marked with the scope they came from.`,
    },
    result: { run, clientId: settings.clientId },
  };
}

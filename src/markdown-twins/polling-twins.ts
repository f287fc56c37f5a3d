/**
 * The Markdown twins of the two polling tryouts (device flow, CIBA): what each shows, with every
 * value from the catalogue (`deviceFlow`, `ciba`), so the text cannot drift from the widgets.
 * Relative imports: the twins are written in Node, where `@site` does not exist.
 */
import { assumedNote } from '../oidc/catalogue';
import { ciba, deviceFlow, type PollingFact } from '../oidc/catalogue/polling-flows';

type Absolute = (path: string) => string;

const note = (fact: PollingFact<unknown>) =>
  fact.source.kind === 'guide' ? '' : ` (assumed: ${assumedNote(fact.source)})`;

function answers(
  flow: typeof deviceFlow.answers | typeof ciba.answers,
  expiredNote: string,
  deniedNote: string,
): string[] {
  return [
    `| Answer | Meaning | What the tool does |`,
    `| --- | --- | --- |`,
    `| \`400 ${flow.pending.value}\` | Not approved yet | Polls again after the interval |`,
    `| \`400 ${flow.slowDown.value}\` | Polled sooner than the interval${note(flow.slowDown)} | Adds ${deviceFlow.slowDownStepSeconds.value} s to the interval and keeps polling |`,
    `| \`400 ${flow.expired.value}\` | ${expiredNote} | Stops; start a new request |`,
    `| \`400 ${flow.denied.value}\` | ${deniedNote}${note(flow.denied)} | Stops; nothing was granted |`,
    `| \`200\` with tokens | Approved | Stops, shows the tokens shortened |`,
  ];
}

export function deviceFlowTwin(abs: Absolute): string {
  return [
    `**Interactive tool: Device flow tryout.** On the web page this is a live widget; try it at [Device flow tryout](${abs('/tools/device-flow')}). Against the mock TelenorID+ or the local test tenant it sends the device authorization request for the scope you choose, shows the ${deviceFlow.userCode.value.digits}-digit user code, the verification_uri and a link to verification_uri_complete (the verification page, in a new tab, where you approve or decline as a test user), then polls /token every ${deviceFlow.intervalSeconds.value} seconds (the codes live ${deviceFlow.expiresInSeconds.value} seconds). “Poll now” before the interval earns slow_down. Every request is shown as curl with secrets as placeholders; the share link carries the environment and the scope, never a code or token. The device client is a MobileApp client without a secret${note(deviceFlow.clientTypes)}.`,
    '',
    ...answers(
      deviceFlow.answers,
      'The device code expired (TelenorID+ says invalid_grant here, not expired_token)',
      'The user declined',
    ),
  ].join('\n');
}

export function cibaTwin(abs: Absolute): string {
  const { defaultSeconds, minSeconds, maxSeconds } = ciba.expiry.value;
  return [
    `**Interactive tool: CIBA tryout.** On the web page this is a live widget; try it at [CIBA tryout](${abs('/tools/ciba')}). Against the mock TelenorID+ or the local test tenant it sends the Vipps start to /connect/ciba as the CIBA test client (Confidential, HTTP Basic): scope with ${ciba.requiredScopes.value.vipps.join(' and ')}, login_hint = a test user's phone number, an optional binding_message and requested_expiry (${minSeconds}–${maxSeconds} s, default ${defaultSeconds}). It shows the auth_req_id shortened, polls /token every ${ciba.intervalSeconds.value} seconds, and offers a simulated phone on which you approve or decline${note(ciba.simulatedPhone)}. Against TelenorID+ it shows the requests as curl only: a CIBA client's secret never belongs in a browser.`,
    '',
    ...answers(
      ciba.answers,
      'The request expired before the user approved it',
      'The user declined (the guide: invalid_grant)',
    ),
  ].join('\n');
}

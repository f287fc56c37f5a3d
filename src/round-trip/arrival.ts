/**
 * What arrived at the callback page when no login in this tab waits for it: the reader opened an
 * authorization URL by hand (e.g. copied from the scope builder into a new tab). Loaded by the
 * callback page only then, so a popup's or frame's callback carries none of the catalogue.
 *
 * The code is shown redacted until the reader reveals it, as tokens are everywhere in the portal:
 * it was in their own address bar, but it is a live one-time credential and this page is the kind a
 * reader shares on a call with support. Copy takes the whole code without revealing it.
 * Everything from the URL is set as text (textContent), never as HTML.
 */
import { guide } from '../oidc/catalogue/guide';
import { errorPagePath, hasErrorPage } from '../oidc/catalogue/error-links';
import { describeCallbackArrival } from '../oidc/callback';
import { safeHref } from '../oidc/links';
import { redactToken } from '../oidc/refresh';
import { baseUrl, h, place } from './dom';

function guideLink(path: string, ...children: (Node | string)[]): HTMLElement {
  return h('a', { href: baseUrl().replace(/\/$/, '') + path }, ...children);
}

function copyButton(label: string, done: string, value: string): HTMLElement {
  const said = h('span', { 'aria-live': 'polite', class: 'said' });
  const button = h('button', { type: 'button', class: 'button' }, label);
  const wrap = h('span', {}, button, ' ', said);
  button.addEventListener('click', () => {
    navigator.clipboard.writeText(value).then(
      () => {
        said.textContent = done;
      },
      () => {
        said.textContent = 'Your browser did not allow copying; select the text below.';
        const area = h('textarea', { readonly: '', rows: '2', 'aria-label': `${label}: text to copy` });
        (area as HTMLTextAreaElement).value = value;
        wrap.append(area);
      },
    );
  });
  return wrap;
}

function issuerLink(iss: string): HTMLElement {
  const href = safeHref(iss);
  const code = h('code', {}, iss);
  return href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer nofollow' }, code) : code;
}

export function showArrival(callbackUrl: string): void {
  const arrival = describeCallbackArrival(callbackUrl);
  if (arrival.kind === 'nothing') return;
  if (arrival.kind === 'unreadable') {
    place(h('p', {}, arrival.reason));
    return;
  }
  if (arrival.kind === 'error') {
    const { explanation } = arrival;
    place(
      h(
        'section',
        { 'aria-labelledby': 'arrived-heading' },
        h(
          'h2',
          { id: 'arrived-heading' },
          'The provider answered with an error: ',
          h('code', {}, arrival.error),
        ),
        arrival.description !== undefined &&
          h('p', {}, 'Its description (as sent): ', h('q', {}, arrival.description)),
        h('p', {}, h('strong', {}, 'What it means:'), ` ${explanation.meaning}`),
        h(
          'p',
          {},
          h('strong', {}, 'What to do:'),
          ` ${explanation.reaction}`,
          explanation.guide !== undefined && ' ',
          explanation.guide !== undefined &&
            guideLink(guide[explanation.guide], 'Read the answer for ', h('code', {}, explanation.code)),
          hasErrorPage(explanation.code) && ' ',
          hasErrorPage(explanation.code) &&
            guideLink(
              errorPagePath(explanation.code),
              'About ',
              h('code', {}, explanation.code),
              ' in the error reference',
            ),
        ),
      ),
    );
    return;
  }
  const code = h('code', { 'data-testid': 'arrived-code' }, redactToken(arrival.code));
  const reveal = h('button', { type: 'button', class: 'button', 'aria-pressed': 'false' }, 'Reveal the code');
  reveal.addEventListener('click', () => {
    const revealed = reveal.getAttribute('aria-pressed') !== 'true';
    reveal.setAttribute('aria-pressed', String(revealed));
    reveal.textContent = revealed ? 'Hide the code' : 'Reveal the code';
    code.textContent = revealed ? arrival.code : redactToken(arrival.code);
  });
  const list = h(
    'dl',
    {},
    h('dt', {}, 'code'),
    h('dd', {}, code, ' ', reveal, ' ', copyButton('Copy the code', 'Code copied', arrival.code)),
  );
  if (arrival.iss !== undefined)
    list.append(h('dt', {}, 'iss (the issuer that sent it)'), h('dd', {}, issuerLink(arrival.iss)));
  if (arrival.scope !== undefined)
    list.append(h('dt', {}, 'scope (granted)'), h('dd', {}, h('code', {}, arrival.scope)));
  place(
    h(
      'section',
      { 'aria-labelledby': 'arrived-heading' },
      h('h2', { id: 'arrived-heading' }, 'An authorization code arrived'),
      h(
        'p',
        {},
        'It is yours to use: you probably opened an authorization URL yourself (copied from the scope builder, or built by your own client). The code is single-use and short-lived: exchange it at the token endpoint now, with the ',
        h('code', {}, 'code_verifier'),
        ' and ',
        h('code', {}, 'redirect_uri'),
        ' of the request that produced it.',
      ),
      list,
      h(
        'p',
        {},
        'The code was removed from the address bar and the history of this tab. ',
        guideLink(guide.token, 'How the code exchange works'),
      ),
    ),
  );
}

/**
 * The mock TelenorID+'s device verification page (`<baseUrl>mock/device/`, a static page built by
 * plugins/round-trip-pages.ts): the page a device's user opens on a second screen. The reader types
 * (or finds prefilled) the user code, picks a test user and approves or declines; the decision goes
 * to the mock in the tryout's tab (`sendDeviceDecision`). Text only, never HTML.
 */
import { testUsers } from '../oidc/catalogue/fixtures';
import { sendDeviceDecision } from '../mocks/device-channel';
import { applyColourMode, h, place, setStatus, showAlert } from './dom';

function showForm(): void {
  const prefilled = new URLSearchParams(location.search).get('user_code') ?? '';
  setStatus(
    prefilled
      ? 'Check the code against your device, pick a test user, then approve.'
      : 'Enter the code your device shows.',
  );
  const code = h('input', {
    id: 'user-code',
    name: 'user_code',
    inputmode: 'numeric',
    autocomplete: 'one-time-code',
    maxlength: '20',
    'aria-describedby': 'user-code-help',
  }) as HTMLInputElement;
  code.value = prefilled.slice(0, 20);
  const users = h('fieldset', {}, h('legend', {}, 'Log in as'));
  testUsers.forEach((user, i) => {
    const radio = h('input', {
      type: 'radio',
      name: 'user',
      value: user.id,
      id: `user-${user.id}`,
    }) as HTMLInputElement;
    radio.checked = i === 0;
    users.append(
      h(
        'p',
        {},
        radio,
        ' ',
        h(
          'label',
          { for: `user-${user.id}` },
          `${user.claims.given_name} ${user.claims.family_name} · ${user.msisdn}`,
        ),
      ),
    );
  });
  const result = h('p', { id: 'device-result', role: 'status' });
  const form = h(
    'form',
    { id: 'mock-device', 'aria-labelledby': 'mock-device-heading' },
    h('h2', { id: 'mock-device-heading' }, 'Connect a device'),
    h('p', {}, h('label', { for: 'user-code' }, 'User code'), h('br'), code),
    h('p', { id: 'user-code-help' }, 'Nine digits; dashes and spaces do not matter.'),
    users,
    h(
      'p',
      {},
      h('button', { type: 'submit', class: 'button', value: 'approve' }, 'Approve'),
      ' ',
      h('button', { type: 'submit', class: 'button', value: 'deny' }, 'Decline'),
    ),
    result,
  ) as HTMLFormElement;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const decision = (event.submitter as HTMLButtonElement | null)?.value === 'deny' ? 'deny' : 'approve';
    const userId = (form.querySelector('input[name=user]:checked') as HTMLInputElement | null)?.value ?? '';
    if (!code.value.replace(/\D/g, '')) {
      result.textContent = 'Enter the code your device shows.';
      code.setAttribute('aria-invalid', 'true');
      code.focus();
      return;
    }
    code.removeAttribute('aria-invalid');
    result.textContent = 'Sending…';
    void sendDeviceDecision({ userCode: code.value, userId, decision }).then((answer) => {
      result.textContent =
        answer?.message ??
        'No tryout answered. Keep the device flow tryout open in another tab of this browser, with the mock environment, and try again.';
      if (answer?.ok) for (const b of form.querySelectorAll('button')) b.setAttribute('disabled', '');
    });
  });
  place(form);
  (prefilled ? form.querySelector<HTMLButtonElement>('button[value=approve]') : code)?.focus();
}

applyColourMode();
if (typeof BroadcastChannel === 'undefined')
  showAlert(
    'unsupported_browser',
    'This browser cannot pass the decision to the tryout’s tab (no BroadcastChannel).',
  );
else showForm();

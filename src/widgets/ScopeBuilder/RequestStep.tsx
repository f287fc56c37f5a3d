/**
 * The builder's second step: the parameters of the authorization request, the PKCE verifier, state
 * and nonce, and the URL they make, with each parameter explained.
 */
import CopyButton from '@site/src/components/CopyButton';
import ErrorPageLink from '@site/src/components/ErrorPageLink';
import GuideLink from '@site/src/components/GuideLink';
import TableScroll from '@site/src/components/TableScroll';
import {
  acrValueChoices,
  authorizationUrlWarning,
  promptChoices,
  responseModeChoices,
  responseTypeChoices,
  type AuthorizationRequest,
  type Choice,
  type FieldProblem,
  type OidcFailure,
} from '@site/src/oidc';
import { testUsers } from '@site/src/oidc/catalogue/fixtures';
import { ChoiceSelect, TextField } from './Fields';
import type { BuilderAction, BuilderForm } from '@site/src/oidc/scope-builder-form';
import styles from './styles.module.css';
import verdictStyles from '../shared/verdict.module.css';

/** One editable parameter of the request: a text box the reader types into, or a choice from the catalogue. */
type ParameterField =
  | { field: 'clientId' | 'redirectUri' | 'uiLocales' | 'loginHint'; label: string; hint: string }
  | {
      field: 'responseType' | 'responseMode' | 'prompt' | 'acrValues';
      label: string;
      choices: readonly Choice[];
    };

type Props = {
  form: BuilderForm;
  dispatch(action: BuilderAction): void;
  /** The portal's callback page (the redirect_uri Run needs). */
  callbackUrl: string;
  environmentLabel: string;
  testClients: boolean;
  secrets: { codeVerifier: string; state: string; nonce: string } | undefined;
  challenge: string;
  onRegenerate(): void;
  problems: readonly FieldProblem[];
  request: AuthorizationRequest | undefined;
  buildFailure: OidcFailure | undefined;
  noScopes: boolean;
  disabled: boolean;
};

export default function RequestStep({
  form,
  dispatch,
  callbackUrl,
  environmentLabel,
  testClients,
  secrets,
  challenge,
  onRegenerate,
  problems,
  request,
  buildFailure,
  noScopes,
  disabled,
}: Props): React.JSX.Element {
  const problemOf = (field: FieldProblem['field']) => problems.find((p) => p.field === field)?.message;
  const set =
    <K extends keyof BuilderForm>(field: K) =>
    (value: BuilderForm[K]) =>
      dispatch({ type: 'set', field, value } as BuilderAction);
  const urlWarning = request ? authorizationUrlWarning(request.url) : undefined;
  // The request's parameters, in the order the form shows them: a text box (with its hint and problem)
  // or a choice from the catalogue (with the chosen value's explanation).
  const parameterFields: readonly ParameterField[] = [
    {
      field: 'clientId',
      label: 'client_id',
      hint: testClients
        ? `The ${form.clientType} test client of the ${environmentLabel}.`
        : `Your own public client at ${environmentLabel}. Register this redirect URI for it: ${callbackUrl}`,
    },
    {
      field: 'redirectUri',
      label: 'redirect_uri',
      hint:
        form.redirectUri === callbackUrl
          ? 'The portal’s own callback page, so Run can read the answer.'
          : 'Any https URL, or http on loopback; Run needs the portal’s callback.',
    },
    { field: 'responseType', label: 'response_type', choices: responseTypeChoices },
    { field: 'responseMode', label: 'response_mode', choices: responseModeChoices },
    { field: 'prompt', label: 'prompt', choices: promptChoices },
    { field: 'acrValues', label: 'acr_values', choices: acrValueChoices },
    { field: 'uiLocales', label: 'ui_locales', hint: 'Language of the login pages, e.g. no or en.' },
    {
      field: 'loginHint',
      label: 'login_hint',
      hint: testClients
        ? `A test user’s number, e.g. ${testUsers.map((u) => u.msisdn).join(' or ')}: the login screen selects that user.`
        : 'The user’s phone number, pre-filled on the login page.',
    },
  ];
  return (
    <section aria-label="Authorization request" className={styles.section}>
      <h3 className={styles.heading}>Authorization request</h3>
      <div className={styles.grid}>
        {parameterFields.map((f) =>
          'choices' in f ? (
            <ChoiceSelect
              key={f.field}
              label={f.label}
              value={form[f.field]}
              choices={f.choices}
              onChange={set(f.field)}
              disabled={disabled}
            />
          ) : (
            <TextField
              key={f.field}
              label={f.label}
              value={form[f.field]}
              onChange={set(f.field)}
              problem={problemOf(f.field)}
              disabled={disabled}
              hint={f.hint}
            />
          ),
        )}
      </div>
      <div className={styles.grid}>
        <TextField
          label="PKCE code_verifier"
          value={secrets?.codeVerifier ?? ''}
          readOnly
          testId="code-verifier"
          hint="Stays in this page’s memory; sent only to /token."
        />
        <TextField
          label="PKCE code_challenge (S256)"
          value={challenge}
          readOnly
          testId="code-challenge"
          hint="BASE64URL(SHA-256(code_verifier)), sent to /authorize."
        />
        <TextField label="state" value={secrets?.state ?? ''} readOnly problem={problemOf('state')} />
        <TextField label="nonce" value={secrets?.nonce ?? ''} readOnly problem={problemOf('nonce')} />
      </div>
      <p>
        <button
          type="button"
          className="button button--sm button--secondary"
          disabled={disabled}
          onClick={onRegenerate}
        >
          Regenerate verifier, state and nonce
        </button>
      </p>

      <label htmlFor="scope-builder-url" className={styles.label}>
        Authorization URL
      </label>
      <textarea
        id="scope-builder-url"
        className={styles.url}
        readOnly
        rows={6}
        value={request?.url ?? ''}
        placeholder={
          noScopes
            ? 'Choose at least one scope.'
            : problems.length > 0
              ? 'Fix the fields marked above.'
              : 'Building…'
        }
      />
      {request && (
        <div className={styles.row}>
          <CopyButton label="Copy the authorization URL" value={request.url} />
        </div>
      )}
      {buildFailure && (
        <p className={verdictStyles.bad}>
          {buildFailure.detail ?? buildFailure.explanation.meaning} {buildFailure.explanation.reaction}{' '}
          <ErrorPageLink code={buildFailure.code} />
        </p>
      )}
      {urlWarning && <p className={styles.warn}>{urlWarning}</p>}
      {request && (
        <TableScroll label="Parameters of the authorization URL">
          <table className={styles.table} aria-label="Parameters of the authorization URL">
            <thead>
              <tr>
                <th scope="col">Parameter</th>
                <th scope="col">Value</th>
                <th scope="col">What it does</th>
              </tr>
            </thead>
            <tbody>
              {request.parameters.map((p) => (
                <tr key={p.name}>
                  <td>
                    <code>{p.name}</code>
                  </td>
                  <td className={styles.value}>
                    {p.value.length > 120 ? p.value.slice(0, 120) + '…' : p.value}
                  </td>
                  <td>
                    {p.explanation} {p.guide && <GuideLink topic={p.guide}>More about {p.name}</GuideLink>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

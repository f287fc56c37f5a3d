/** The logout tryout's step components: the choices, the exchanges, what a native app must do. */
import clsx from 'clsx';
import CodeBlock from '@theme/CodeBlock';
import GuideLink from '@site/src/components/GuideLink';
import type { ClientTypeName, Exchange } from '@site/src/oidc';
import { loggedOutPage, manageMyTelenorUrl, nativeAppLogoutSteps } from '@site/src/oidc/catalogue/logout';
import {
  logoutClientTypes,
  logoutMethods,
  logoutReturns,
  type LogoutMethod,
  type LogoutReturn,
} from '@site/src/oidc/runners/logout';
import type { FormAction } from '@site/src/oidc/form';
import styles from './styles.module.css';

export type LogoutForm = { clientType: ClientTypeName; method: LogoutMethod; returnTo: LogoutReturn };

const clientLabels: Partial<Record<ClientTypeName, string>> = {
  PublicWithRefresh: 'PublicWithRefresh — a web app (PublicWeb refresh tokens)',
  MobileApp: 'MobileApp — a native app (Mobile refresh tokens)',
};
const methodLabels: Record<LogoutMethod, string> = {
  end_session: 'Browser: end_session_endpoint (RP-initiated logout)',
  custom: 'Native app: custom_logout_endpoint (POST JSON)',
};
const returnLabels: Record<LogoutReturn, string> = {
  back: 'With post_logout_redirect_uri: back to the app',
  white_page: `Without one: TelenorID+'s page (“${loggedOutPage.text}”)`,
};

function Choice<K extends keyof LogoutForm>({
  legend,
  field,
  options,
  labels,
  form,
  onChange,
  disabled,
}: {
  legend: string;
  field: K;
  options: readonly LogoutForm[K][];
  labels: Partial<Record<string, string>>;
  form: LogoutForm;
  onChange: (action: FormAction<LogoutForm>) => void;
  disabled?: boolean;
}): React.JSX.Element {
  return (
    <fieldset disabled={disabled}>
      <legend>{legend}</legend>
      {options.map((value) => (
        <label key={String(value)}>
          <input
            type="radio"
            name={`logout-${String(field)}`}
            value={String(value)}
            checked={form[field] === value}
            onChange={() => onChange({ type: 'set', field, value } as FormAction<LogoutForm>)}
          />{' '}
          {labels[String(value)] ?? String(value)}
        </label>
      ))}
    </fieldset>
  );
}

/** The three choices; the client type is fixed once logged in (the tokens belong to that client). */
export function LogoutChoices({
  form,
  onChange,
  loggedIn,
}: {
  form: LogoutForm;
  onChange: (action: FormAction<LogoutForm>) => void;
  loggedIn: boolean;
}): React.JSX.Element {
  return (
    <div className={styles.choices}>
      <Choice
        legend="Test client"
        field="clientType"
        options={logoutClientTypes}
        labels={clientLabels}
        form={form}
        onChange={onChange}
        disabled={loggedIn}
      />
      <Choice
        legend="How to log out"
        field="method"
        options={logoutMethods}
        labels={methodLabels}
        form={form}
        onChange={onChange}
      />
      {form.method === 'end_session' && (
        <Choice
          legend="Where the browser ends"
          field="returnTo"
          options={logoutReturns}
          labels={returnLabels}
          form={form}
          onChange={onChange}
        />
      )}
    </div>
  );
}

/** Every request, beside its answer; secrets redacted, curl for each. */
export function Exchanges({
  exchanges,
  label,
}: {
  exchanges: Exchange[];
  label: string;
}): React.JSX.Element | null {
  if (exchanges.length === 0) return null;
  return (
    <ol className={styles.exchanges} aria-label={label}>
      {exchanges.map((x, i) =>
        x.kind === 'stage' ? (
          <li key={i} className={styles.exchange}>
            <h4>{x.title}</h4>
            {x.note && <p className={styles.muted}>{x.note}</p>}
          </li>
        ) : (
          <li key={i} className={clsx(styles.exchange, x.ok ? styles.exchangeOk : styles.exchangeFailed)}>
            <h4>{x.title}</h4>
            <p className={styles.statusLine}>
              <code>{x.method}</code> {x.statusLine}
            </p>
            <CodeBlock language="bash" title="curl (tokens replaced by placeholders)">
              {x.curl}
            </CodeBlock>
            {x.body && (
              <CodeBlock language={x.body.trim().startsWith('{') ? 'json' : 'text'} title="Answer">
                {x.body}
              </CodeBlock>
            )}
            {x.note && <p className={styles.muted}>{x.note}</p>}
          </li>
        ),
      )}
    </ol>
  );
}

/** What a native app must do, from the catalogue (the guide's recommendations). */
export function NativeAppSteps(): React.JSX.Element {
  return (
    <details>
      <summary>What a native app must do to log a user out</summary>
      <ol className={styles.steps}>
        {nativeAppLogoutSteps.map((step) => (
          <li key={step.fact}>{step.fact}</li>
        ))}
      </ol>
      <p className={styles.muted}>
        Manage my Telenor ID: <a href={manageMyTelenorUrl}>{manageMyTelenorUrl}</a>.{' '}
        <GuideLink topic="faqNativeAppLogout">Logging out of a native app (FAQ)</GuideLink> ·{' '}
        <GuideLink topic="logout">Logout in the guide</GuideLink>
      </p>
    </details>
  );
}

/**
 * Assurance levels, authentication providers and amr values (facts §4, §5, §13).
 */
import { fromGuide, portalChoice, type FactSource } from './sources';

export type IdentityAssuranceLevel = {
  level: 0 | 1 | 2 | 3;
  meaning: string;
  examples: string;
  /** The scope that asks for it; the guide defines none for IAL3. */
  scope: `ial${0 | 1 | 2}` | undefined;
  /**
   * Value of the `ial` claim, where the guide shows it: only `telenor.identity.ial2`. The portal
   * invents none for the other levels (see `ialClaimForOtherLevels`).
   */
  claimValue: string | undefined;
  source: FactSource;
};

const ialSource = /* @__PURE__ */ fromGuide('facts §5; old guide assurance levels page, “IAL”');

/** What the mock and the tenant do for a user whose level has no documented claim value. */
export const ialClaimForOtherLevels: FactSource = /* @__PURE__ */ portalChoice(
  'the guide shows only the ial value telenor.identity.ial2, so for test users at IAL0, IAL1 or IAL3 the mock and the tenant send no ial claim rather than invent a value (ask the TelenorID+ team what they send).',
);

export const identityAssuranceLevels: IdentityAssuranceLevel[] = [
  {
    level: 0,
    meaning: 'A shared account with no identity behind it (“non-personal users”).',
    examples: 'Shared service phone, shared T-We set-top box',
    scope: 'ial0',
    claimValue: undefined,
    source: ialSource,
  },
  {
    level: 1,
    meaning: 'Self-asserted identity, not verified.',
    examples: 'Telenor ID, Facebook, Apple, Google',
    scope: 'ial1',
    claimValue: undefined,
    source: ialSource,
  },
  {
    level: 2,
    meaning: 'Identity verified as real, with some effort to bind it to the person claiming it.',
    examples: 'Telenor ID+ (e.g. Mitt Telenor)',
    scope: 'ial2',
    claimValue: 'telenor.identity.ial2',
    source: ialSource,
  },
  {
    level: 3,
    meaning: 'Identity verified as real; the binding is documented and checked by a competent party.',
    examples: 'BankID',
    scope: undefined,
    claimValue: undefined,
    source: ialSource,
  },
];

export type AuthenticatorAssuranceLevel = {
  level: 1 | 2 | 3;
  meaning: string;
  providers: string;
  acr: string;
  source: FactSource;
};

const aalSource = /* @__PURE__ */ fromGuide('facts §5; old guide assurance levels page, “AAL”');

export const authenticatorAssuranceLevels: AuthenticatorAssuranceLevel[] = [
  {
    level: 1,
    meaning: 'One factor (a password or a one-time code).',
    providers:
      'Telenor ID one-factor, Telenor ClientCerts for partners, T-We set-top box, Azure AD for business',
    acr: 'urn:telenor.identity.aal.1',
    source: aalSource,
  },
  {
    level: 2,
    meaning: 'Two independent factors: something you know and something you have.',
    providers: 'Telenor ID',
    acr: 'urn:telenor.identity.aal.2',
    source: aalSource,
  },
  {
    level: 3,
    meaning: 'An authenticator cryptographically bound to the account (BankID, SIM card, FIDO device).',
    providers: 'BankID',
    acr: 'urn:telenor.identity.aal.3',
    source: aalSource,
  },
];

export type AuthenticationProvider = {
  name: string;
  purpose: string;
  aal: 1 | 2 | 3;
  /** The `idp:` value for acr_values; Telenor ID has none in the guide (request it by AAL). */
  acrValue: string | undefined;
  source: FactSource;
};

const providerSource = /* @__PURE__ */ fromGuide('facts §4; old guide authentication providers page');

export const authenticationProviders: AuthenticationProvider[] = [
  {
    name: 'Telenor ID',
    purpose: 'Standard login for Telenor customers',
    aal: 2,
    acrValue: undefined,
    source: providerSource,
  },
  {
    name: 'BankID',
    purpose: 'Norwegian banks’ login for people with a national identity number',
    aal: 3,
    acrValue: 'idp:no.bankid.login.vipps',
    source: providerSource,
  },
  {
    name: 'Azure (Microsoft Entra ID)',
    purpose: 'Business-to-business services',
    aal: 1,
    acrValue: 'idp:no.azure.login',
    source: providerSource,
  },
  {
    name: 'TelenorClientCerts',
    purpose: 'Telenor client certificates for partners',
    aal: 1,
    acrValue: 'idp:no.telenor.cassowary',
    source: providerSource,
  },
  {
    name: 'Kookaburra',
    purpose: 'Non-personal login for service phones, including fixed phones',
    aal: 1,
    acrValue: 'idp:no.telenor.kookaburra',
    source: providerSource,
  },
  {
    name: 'Kiwi',
    purpose: 'T-We set-top boxes, without user interaction; tied to the box owner',
    aal: 1,
    acrValue: 'idp:no.telenor.kiwi',
    source: providerSource,
  },
];

/** Values an integrator may put in acr_values: an AAL or a provider. */
export const acrValues: { value: string; kind: 'aal' | 'idp'; label: string }[] = [
  ...authenticatorAssuranceLevels.map((a) => ({
    value: a.acr,
    kind: 'aal' as const,
    label: `AAL${a.level}`,
  })),
  ...authenticationProviders.flatMap((p) =>
    p.acrValue ? [{ value: p.acrValue, kind: 'idp' as const, label: p.name }] : [],
  ),
];

export type AmrFamily = {
  provider: string;
  prefix: string;
  suffixes: string[];
  deprecated?: boolean;
  source: FactSource;
};

const amrSource = /* @__PURE__ */ fromGuide(
  'facts §13; old guide ID token page, “Authentication Methods References (amr)”',
);

/** amr values per provider; mostly passed through from the provider, and the list may grow. */
export const amrFamilies: AmrFamily[] = [
  {
    provider: 'Telenor ID (Telenor Digital)',
    prefix: 'urn:telenor.identity.amr.td_',
    suffixes: ['pwd', 'otp', 'sso', 'ok', 'hdr'],
    source: amrSource,
  },
  {
    provider: 'Microsoft Azure',
    prefix: 'urn:telenor.identity.amr.az_',
    suffixes: ['pwd', 'mfa', 'otp', 'rsa', 'fed', 'wia', 'ngcmfa', 'wiaormfa', 'none'],
    source: amrSource,
  },
  { provider: 'BankID', prefix: 'urn:telenor.identity.amr.bankid', suffixes: [], source: amrSource },
  {
    provider: 'BankID legacy',
    prefix: 'urn:tnidplus:kyc',
    suffixes: [],
    deprecated: true,
    source: amrSource,
  },
  { provider: 'Others (mostly legacy)', prefix: 'urn:tnidplus:std', suffixes: [], source: amrSource },
];

/** Every amr value the guide names, expanded. */
export const amrValues: string[] = amrFamilies.flatMap((f) =>
  f.suffixes.length ? f.suffixes.map((s) => f.prefix + s) : [f.prefix],
);

/** The `ial` claim value for a level, or undefined where the guide shows none (see `ialClaimForOtherLevels`). */
export function ialClaimValue(level: 0 | 1 | 2 | 3): string | undefined {
  return identityAssuranceLevels.find((l) => l.level === level)?.claimValue;
}

/**
 * The two polling grants' names: the catalogue's `deviceFlow.grantType` and `ciba.grantType`
 * (tests/unit/polling-runners.test.ts checks they agree), kept here so the mock's core carries
 * neither the polling flows nor their sentences until a tryout uses them (`polling.ts` loads then).
 */
export const deviceGrantType = 'urn:ietf:params:oauth:grant-type:device_code';
export const cibaGrantType = 'urn:openid:params:grant-type:ciba';

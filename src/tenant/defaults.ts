/** The tenant's default port; the site's build (TENANT_ISSUER), npm start and the e2e suite agree on it. */
export const defaultTenantPort = 4400;
export const defaultTenantIssuer = `http://localhost:${defaultTenantPort}`;

/** The mock tenant for Node (Vitest): MSW intercepts fetch to the mock issuer in-process. */
import { setupServer } from 'msw/node';
import { handlers } from './handlers';

export const server = setupServer(...handlers);

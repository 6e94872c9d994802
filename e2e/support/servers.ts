// Where the end-to-end servers listen (see playwright.config.ts).
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_URLS = {
  /** trusts X-Forwarded-For, so each test can present its own client address */
  main: `http://localhost:${E2E_PORT}`,
  /** takes the client address from the socket only */
  untrusted: `http://localhost:${E2E_PORT + 1}`,
  /** the page cache on whatever the run says (PAGE_CACHE=1), one worker: the visibility matrix */
  cached: `http://localhost:${E2E_PORT + 3}`,
  /** a second app instance on the same database (E2E_INSTANCES=1) */
  instanceB: `http://localhost:${E2E_PORT + 2}`,
  /** on a database of its own, which the faults tests take away */
  faults: `http://localhost:${E2E_PORT + 4}`,
};

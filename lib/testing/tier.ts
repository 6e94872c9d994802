// Which tier of the test suite is running (scripts/test.mjs sets TEST_TIER):
// the fast tier (npm test, CI) runs the fuzzing and the load-shaped tests at a
// strength that still proves their point; the full tier (npm run test:full)
// at full strength. docs/testing.md. Test-only: nothing in the app imports it.
export const FULL_TIER = process.env.TEST_TIER === "full";

/** `fast` in the fast tier, `full` in the full tier. */
export function byTier<T>(fast: T, full: T): T {
  return FULL_TIER ? full : fast;
}

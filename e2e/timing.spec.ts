import { randomBytes } from "node:crypto";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { createUser, newUser, randomIp } from "./support/users";

// Run alone on one server (E2E_SUITE=quiet, the full tier's last step): a
// timing comparison means nothing while other tests load the machine.
//
// "Forgot your password?" must not tell who has an account — not by its
// words, its status, nor its time (shared/design.md "Mail").

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

test("30 reset requests for existing and 30 for unknown emails: same status, same body, medians within 20 %", async () => {
  test.setTimeout(180_000);
  const baseURL = test.info().project.use.baseURL;
  const setup = await playwrightRequest.newContext({ baseURL });
  const known: string[] = [];
  // Each address once, each request from its own client: no throttle in play.
  for (let i = 0; i < 30; i++) {
    const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
    known.push((await createUser(api, newUser("timing"))).email);
    await api.dispose();
  }
  const unknown = known.map(() => `nobody.${randomBytes(5).toString("hex")}@example.test`);
  await setup.dispose();

  const ask = async (email: string) => {
    const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
    const started = performance.now();
    const res = await api.post("/api/users/password-reset", { data: { email } });
    const ms = performance.now() - started;
    const result = { ms, status: res.status(), body: await res.text() };
    await api.dispose();
    return result;
  };
  // Warm both paths, then alternate, so drift in the machine's load falls on both alike.
  await ask(newUser("warm").email);
  await ask(unknown[0]!.replace("nobody", "warm"));
  const times = { known: [] as number[], unknown: [] as number[] };
  const answers = new Set<string>();
  for (let i = 0; i < 30; i++) {
    for (const [kind, email] of [
      ["known", known[i]!],
      ["unknown", unknown[i]!],
    ] as const) {
      const r = await ask(email);
      times[kind].push(r.ms);
      answers.add(`${r.status} ${r.body}`);
    }
  }
  expect([...answers]).toEqual([
    `202 ${JSON.stringify({ message: "If an account exists for that email, we've sent a link to reset the password." })}`,
  ]);
  const [a, b] = [median(times.known), median(times.unknown)];
  console.log(`reset request medians: known ${a.toFixed(1)} ms, unknown ${b.toFixed(1)} ms`);
  expect(Math.max(a, b) / Math.min(a, b)).toBeLessThanOrEqual(1.2);
});

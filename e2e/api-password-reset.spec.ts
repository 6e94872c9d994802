import { randomBytes } from "node:crypto";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { linkIn, waitForMail } from "./support/mail";
import { apiLogin, createUser, newUser, randomIp } from "./support/users";

// The JSON API of the password reset (shared/design.md "Mail").

const REQUESTED = "If an account exists for that email, we've sent a link to reset the password.";

test("POST /api/users/password-reset: 202 and the same body for every address; the link resets once", async ({
  baseURL,
}) => {
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const user = await createUser(api, newUser("apireset"));
  const known = await api.post("/api/users/password-reset", { data: { email: user.email.toUpperCase() } });
  const unknown = await api.post("/api/users/password-reset", {
    data: { email: `nobody.${randomBytes(4).toString("hex")}@example.test` },
  });
  expect([known.status(), unknown.status()]).toEqual([202, 202]);
  expect(await known.json()).toEqual({ message: REQUESTED });
  expect(await unknown.json()).toEqual({ message: REQUESTED });
  expect((await api.post("/api/users/password-reset", { data: { email: "not an email" } })).status()).toBe(400);

  await apiLogin(api, user);
  const token = linkIn(await waitForMail(user.email, { subject: /Reset your/ }), "/reset-password/")
    .split("/")
    .at(-1);
  const weak = await api.post(`/api/users/password-reset/${token}`, { data: { password: "short" } });
  expect(weak.status()).toBe(400);
  expect(Object.keys((await weak.json()).errors)).toEqual(["password"]);
  const ok = await api.post(`/api/users/password-reset/${token}`, {
    data: { password: "a brand new password for the api" },
  });
  expect(ok.status()).toBe(204);
  expect((await api.get("/api/me")).status(), "the session is over").toBe(401);
  const again = await api.post(`/api/users/password-reset/${token}`, {
    data: { password: "and yet another one here" },
  });
  expect(again.status()).toBe(400);
  expect(await again.json()).toEqual({ message: "This reset link is invalid or has expired." });
  await api.dispose();
});

test("30 requests for existing and 30 for unknown addresses: same status, same body, medians within 20 %", async ({
  baseURL,
}) => {
  test.setTimeout(120_000);
  const setup = await playwrightRequest.newContext({ baseURL });
  const emails: string[] = [];
  for (let i = 0; i < 30; i++) {
    const res = await setup.post("/api/users", {
      headers: { "x-forwarded-for": randomIp() },
      data: { ...newUser("enum"), password: `plum tart ${randomBytes(4).toString("hex")} by the window` },
    });
    expect(res.status()).toBe(201);
    emails.push((await res.json()).email);
  }
  await setup.dispose();
  const timed = async (email: string) => {
    const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
    const t0 = performance.now();
    const res = await api.post("/api/users/password-reset", { data: { email } });
    const ms = performance.now() - t0;
    const answer = { status: res.status(), body: await res.text() };
    await api.dispose();
    return { ms, answer };
  };
  const existing: number[] = [];
  const unknown: number[] = [];
  // Interleaved, so both kinds meet the same load.
  for (const email of emails) {
    const a = await timed(email);
    const b = await timed(`ghost.${randomBytes(5).toString("hex")}@example.test`);
    expect(a.answer).toEqual(b.answer);
    expect(a.answer.status).toBe(202);
    existing.push(a.ms);
    unknown.push(b.ms);
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const [m1, m2] = [median(existing), median(unknown)];
  expect(Math.abs(m1 - m2) / Math.min(m1, m2), `medians ${m1.toFixed(1)} ms and ${m2.toFixed(1)} ms`).toBeLessThan(0.2);
});

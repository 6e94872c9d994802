import { randomIp } from "./support/users";
import { createUser, expect, newUser, registerThroughForm, test } from "./fixtures";
import { E2E_URLS } from "./support/servers";

// These run against the production limits (RATE_LIMIT_SCALE unset).

test("10 failed logins a minute per client IP, then 429 — even for the right password", async ({ request, user }) => {
  for (let i = 0; i < 10; i++) {
    const res = await request.post("/api/users/login", {
      data: { email: `guess${i}.${user.username}@example.test`, password: "wrong password number " + i },
    });
    expect(res.status(), `attempt ${i + 1}`).toBe(400);
  }
  const res = await request.post("/api/users/login", { data: { email: user.email, password: user.password } });
  expect(res.status()).toBe(429);
  const retryAfter = Number(res.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect((await res.json()).message).toMatch(/Too many failed login attempts/);
  expect(res.headers()["set-cookie"] ?? "").not.toContain("dp.session=");
});

test("over IPv6, one /64 is one client: a new address per attempt gains nothing", async ({ request, user }) => {
  const prefix = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}`;
  const from = (n: number) => ({ "x-forwarded-for": `${prefix}:${n.toString(16)}:${(n * 7).toString(16)}::${n}` });
  for (let i = 1; i <= 10; i++) {
    const res = await request.post("/api/users/login", {
      headers: from(i),
      data: { email: `v6guess${i}.${user.username}@example.test`, password: "wrong password number " + i },
    });
    expect(res.status(), `attempt ${i}`).toBe(400);
  }
  const res = await request.post("/api/users/login", {
    headers: from(11),
    data: { email: user.email, password: user.password },
  });
  expect(res.status()).toBe(429);
  // The next /64 is someone else.
  const neighbour = await request.post("/api/users/login", {
    headers: { "x-forwarded-for": `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:1::1` },
    data: { email: user.email, password: user.password },
  });
  expect(neighbour.status()).toBe(200);
});

test("100 consecutive failures lock the account, from any address", async ({ playwright, request, user }) => {
  test.setTimeout(180_000);
  const baseURL = test.info().project.use.baseURL;
  // Ten addresses, ten failures each: no address reaches its own limit.
  const clients = await Promise.all(
    Array.from({ length: 10 }, () =>
      playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": randomIp() } }),
    ),
  );
  for (let round = 0; round < 10; round++) {
    const answers = await Promise.all(
      clients.map((c) => c.post("/api/users/login", { data: { email: user.email, password: `wrong ${round}` } })),
    );
    expect(answers.map((a) => a.status())).toEqual(Array(10).fill(400));
  }
  await Promise.all(clients.map((c) => c.dispose()));

  const res = await request.post("/api/users/login", { data: { email: user.email, password: user.password } });
  expect(res.status()).toBe(429);
  expect(Number(res.headers()["retry-after"])).toBeGreaterThan(60);
});

test("20 registrations an hour per client IP; the API and the form say so in the same words", async ({
  request,
  page,
}) => {
  test.setTimeout(120_000);
  for (let i = 0; i < 20; i++) await createUser(request, newUser("bulk"));
  const res = await request.post("/api/users", { data: newUser("bulk") });
  expect(res.status()).toBe(429);
  expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
  const { message } = await res.json();
  expect(message).toMatch(/^Too many new accounts from your network\. Please try again in \d+ minutes\.$/);
  // The same client address (the fixture's X-Forwarded-For), through the form.
  await page.goto("/register");
  await registerThroughForm(page, newUser("bulk"));
  await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
});

test("without TRUST_PROXY, X-Forwarded-For cannot dodge the limit", async ({ playwright }) => {
  const client = await playwright.request.newContext({ baseURL: E2E_URLS.untrusted });
  for (let i = 0; i < 10; i++) {
    const res = await client.post("/api/users/login", {
      headers: { "x-forwarded-for": randomIp() },
      data: { email: `spoof${i}@example.test`, password: "wrong password " + i },
    });
    expect(res.status(), `attempt ${i + 1}`).toBe(400);
  }
  const res = await client.post("/api/users/login", {
    headers: { "x-forwarded-for": randomIp() },
    data: { email: "spoof@example.test", password: "wrong password" },
  });
  expect(res.status()).toBe(429);
  await client.dispose();
});

import { spawn } from "node:child_process";
import http from "node:http";
import { expect, test } from "@playwright/test";
import { startServer, stopServer } from "../scripts/lib/postgres.mjs";
import { faultsDatabaseUrl } from "../scripts/lib/test-db.mjs";
import { sqlAt } from "./support/db";
import { apiCreateParty } from "./support/parties";
import { E2E_PORT } from "./support/servers";
import { apiLogin, createUser, newUser, randomIp } from "./support/users";

// The faults project on PostgreSQL, one test at a time against the faults
// server, whose database is a cluster of its own (E2E_FAULTS_CLUSTER): these
// tests stop it under the app while the rest of the suite runs on the other.

const cluster = JSON.parse(process.env.E2E_FAULTS_CLUSTER ?? "null") as { dir: string; port: number; url: string };
const sql = <T>(query: string, params: unknown[]) => sqlAt<T>(faultsDatabaseUrl(), query, params);

test.describe.configure({ mode: "serial" });

test("while PostgreSQL is stopped: a clear 503; when it is back: service resumes by itself, nothing lost", async ({
  playwright,
  browser,
}) => {
  test.setTimeout(120_000);
  const api = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });
  const user = await createUser(api, newUser("fault"));
  await apiLogin(api, user);
  const party = await apiCreateParty(api);
  const page = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();

  stopServer(cluster);
  try {
    for (const call of [
      () => api.get("/api/me"),
      () => api.get("/api/parties"),
      () => api.post("/api/parties/1/rsvp"),
    ]) {
      const res = await call();
      expect(res.status()).toBe(503);
      expect(res.headers()["content-type"]).toContain("application/json");
      expect(res.headers()["retry-after"]).toBeTruthy();
      expect(typeof (await res.json()).message).toBe("string");
    }
    const login = await api.post("/api/users/login", { data: { email: user.email, password: user.password } });
    expect(login.status()).toBe(503);

    const res = await page.goto("/");
    expect(res?.status()).toBe(503);
    await expect(page.getByRole("heading", { name: "Back in a moment" })).toBeVisible();
    const html = await page.content();
    expect(html).not.toMatch(/ECONNREFUSED|prisma|at .*\.js:\d+/i);
  } finally {
    startServer(cluster);
  }

  // No restart: the same server notices by itself.
  await expect.poll(async () => (await api.get("/api/me")).status(), { timeout: 20_000, intervals: [250] }).toBe(200);
  expect((await (await api.get("/api/me")).json()).username).toBe(user.username);
  expect((await api.get(`/api/parties/${party.id}`)).status()).toBe(200);
  const after = await apiCreateParty(api);
  expect(after.id).toBeGreaterThan(party.id);
  const res = await page.goto("/");
  expect(res?.status()).toBe(200);
  await api.dispose();
});

test("SIGTERM lets in-flight requests finish, then closes the database pool", async ({ playwright }) => {
  test.setTimeout(120_000);
  const port = E2E_PORT + 30;
  const appName = `dp_sigterm_${Date.now()}`;
  const url = new URL(faultsDatabaseUrl());
  url.searchParams.set("application_name", appName);
  const child = spawn("node", ["server/index.mjs"], {
    env: {
      ...process.env,
      DATABASE_URL: url.toString(),
      PORT: String(port),
      WEB_CONCURRENCY: "1",
      TRUST_PROXY: "1",
      NODE_ENV: "production",
      AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // A failed expectation must not leave the server running: it would load every later test.
  try {
    let log = "";
    child.stdout.on("data", (d) => (log += d));
    child.stderr.on("data", (d) => (log += d));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    const baseURL = `http://localhost:${port}`;
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
    await expect
      .poll(async () => (await api.get("/api/health").catch(() => null))?.status(), { timeout: 60_000 })
      .toBe(200);
    const user = await createUser(api, newUser("term"));
    expect(
      Number(
        (
          await sql<{ n: string }>(`SELECT COUNT(*) AS n FROM pg_stat_activity WHERE application_name = $1`, [appName])
        )[0]!.n,
      ),
    ).toBeGreaterThan(0);

    // Twelve logins (a bcrypt hash each, ~70 ms), each on its own connection,
    // all written to the server's socket before SIGTERM: on a loaded machine
    // this process may take a second to send them, and one not sent yet is not
    // in flight. 127.0.0.1, not localhost: no name lookup to wait for.
    const direct = `http://127.0.0.1:${port}`;
    const body = JSON.stringify({ email: user.email, password: user.password });
    const sent: Promise<void>[] = [];
    const inFlight = Array.from(
      { length: 12 },
      () =>
        new Promise<number>((resolve, reject) => {
          const req = http.request(
            `${direct}/api/users/login`,
            {
              method: "POST",
              agent: false,
              headers: { "content-type": "application/json", "x-forwarded-for": randomIp() },
            },
            (res) => {
              res.resume();
              res.on("end", () => resolve(res.statusCode ?? 0));
            },
          );
          req.on("error", reject);
          sent.push(new Promise((written) => req.on("finish", written)));
          req.end(body);
        }),
    );
    await Promise.all(sent);
    child.kill("SIGTERM");
    // While it drains, the instance tells load balancers to look elsewhere.
    const health = () =>
      new Promise<number>((resolve, reject) =>
        http
          .get(`${direct}/api/health`, { agent: false }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          })
          .on("error", reject),
      );
    await expect.poll(health, { intervals: [20] }).toBe(503);
    const statuses = await Promise.all(inFlight);
    expect(statuses, log).toEqual(Array(12).fill(200));
    expect(await exited, log).toBe(0);
    expect(log).toContain("SIGTERM: finishing in-flight requests");
    const [left] = await sql<{ n: string }>(`SELECT COUNT(*) AS n FROM pg_stat_activity WHERE application_name = $1`, [
      appName,
    ]);
    expect(Number(left!.n)).toBe(0);
    await api.dispose();
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
  }
});

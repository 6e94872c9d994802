import { createHash, randomBytes, randomInt } from "node:crypto";
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type BrowserContext,
} from "@playwright/test";
import { SESSION_COOKIE } from "../../server/shared.mjs";
import { dbDate, sql } from "./db";
import { E2E_URLS } from "./servers";

export type TestUser = { username: string; email: string; password: string };

/** A fresh account's details, unique to this test. */
export function newUser(prefix = "u"): TestUser {
  const id = randomBytes(5).toString("hex");
  return {
    username: `${prefix}_${id}`,
    email: `${prefix}.${id}@example.test`,
    password: `plum tart ${id} by the window`,
  };
}

/** A random private address, so each test has its own brute-force counters. */
export function randomIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** Create an account through the JSON API. */
export async function createUser(request: APIRequestContext, user = newUser()): Promise<TestUser> {
  const res = await request.post("/api/users", {
    data: { username: user.username, email: user.email, password: user.password },
  });
  expect(res.status(), await res.text()).toBe(201);
  return user;
}

/** Log in through the JSON API; the cookie lands in the request context's jar. */
export async function apiLogin(request: APIRequestContext, user: TestUser, remember = false) {
  const res = await request.post("/api/users/login", {
    data: { email: user.email, password: user.password, remember },
  });
  expect(res.status(), await res.text()).toBe(200);
  return res;
}

// ------------------------------------------------- accounts made directly
// Most tests need someone logged in, not a registration and a login: those
// two cost a bcrypt hash and a compare each on the server. Their accounts and
// sessions are rows written here, as registration and login write them; only
// the specs about registering and logging in go through the forms and the API.

/** The password of every account seedUser makes. */
export const SEEDED_PASSWORD = "plum tart from the seeded cellar";

let seededHash: Promise<string> | undefined;

/** SEEDED_PASSWORD's hash, made by the app itself once per worker: one account registered through the API. */
function hashOfSeededPassword(): Promise<string> {
  seededHash ??= (async () => {
    const api = await playwrightRequest.newContext({
      baseURL: E2E_URLS.main,
      extraHTTPHeaders: { "x-forwarded-for": randomIp() },
    });
    const user = await createUser(api, { ...newUser("hash"), password: SEEDED_PASSWORD });
    await api.dispose();
    const [row] = await sql<{ passwordHash: string }>(`SELECT "passwordHash" FROM "User" WHERE "email" = $1`, [
      user.email,
    ]);
    return row!.passwordHash;
  })();
  return seededHash;
}

/** A new account, written straight to the database: its password is SEEDED_PASSWORD; its email not confirmed yet. */
export async function seedUser(prefix = "u"): Promise<TestUser> {
  const user = { ...newUser(prefix), password: SEEDED_PASSWORD };
  await sql(
    `INSERT INTO "User" ("id", "username", "email", "passwordHash", "calendarSecret", "joinedAt")
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      `c${randomBytes(12).toString("hex")}`,
      user.username,
      user.email,
      await hashOfSeededPassword(),
      randomBytes(24).toString("base64url"),
      dbDate(new Date()),
    ],
  );
  return user;
}

/** A new session of `user`, as a login without "Remember me" makes it: its cookie. */
export async function seedSession(user: TestUser, baseURL: string) {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await sql(
    `INSERT INTO "Session" ("id", "sessionToken", "userId", "expires", "createdAt", "lastSeenAt")
     SELECT $1, $2, "id", $3, $4, $4 FROM "User" WHERE "email" = $5`,
    [
      `c${randomBytes(12).toString("hex")}`,
      createHash("sha256").update(token).digest("base64url"),
      dbDate(new Date(now.getTime() + 12 * 3_600_000)),
      dbDate(now),
      user.email,
    ],
  );
  return { name: SESSION_COOKIE, value: token, url: baseURL, httpOnly: true, sameSite: "Lax" as const };
}

/** Log `user` in in a browser context (its pages and its request), without the login form. */
export async function signIn(context: BrowserContext, user: TestUser, baseURL: string) {
  await context.addCookies([await seedSession(user, baseURL)]);
}

/** A new account, logged in, in a request context of its own (its own client address): `dispose` it when done. */
export async function apiPerson(prefix: string): Promise<{ api: APIRequestContext; user: TestUser }> {
  const baseURL = test.info().project.use.baseURL!;
  const user = await seedUser(prefix);
  const api = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
    storageState: { cookies: [cookieState(await seedSession(user, baseURL))], origins: [] },
  });
  return { api, user };
}

/** A cookie as a storage state holds it. */
function cookieState(cookie: Awaited<ReturnType<typeof seedSession>>) {
  const { hostname } = new URL(cookie.url);
  return {
    name: cookie.name,
    value: cookie.value,
    domain: hostname,
    path: "/",
    expires: -1,
    httpOnly: true,
    secure: false,
    sameSite: cookie.sameSite,
  };
}

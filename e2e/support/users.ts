import { randomBytes, randomInt } from "node:crypto";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";

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

/** A new account, logged in, in a request context of its own (its own client address): `dispose` it when done. */
export async function apiPerson(prefix: string): Promise<{ api: APIRequestContext; user: TestUser }> {
  const api = await playwrightRequest.newContext({
    baseURL: test.info().project.use.baseURL,
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });
  const user = await createUser(api, newUser(prefix));
  await apiLogin(api, user);
  return { api, user };
}

import { apiLogin, createUser, expect, newUser, test } from "./fixtures";

test.describe("POST /api/users", () => {
  test("201 with id, username and email — never the password", { tag: "@smoke" }, async ({ request }) => {
    const user = newUser("api");
    const res = await request.post("/api/users", {
      data: { username: user.username.toUpperCase(), email: user.email.toUpperCase(), password: user.password },
    });
    expect(res.status()).toBe(201);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(["email", "id", "username"]);
    expect(body).toMatchObject({ username: user.username, email: user.email });
    expect(JSON.stringify(body)).not.toContain(user.password);
    expect(res.headers()["cache-control"]).toContain("no-store");
  });

  test("409 for a taken username or email, whatever the case", async ({ request, user }) => {
    for (const data of [
      { ...newUser(), username: user.username.toUpperCase() },
      { ...newUser(), email: user.email.toUpperCase() },
    ]) {
      const res = await request.post("/api/users", { data });
      expect(res.status()).toBe(409);
      expect(await res.json()).toEqual({ message: "User already registered." });
    }
  });

  test("400 with field errors for each broken rule", async ({ request }) => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...newUser(), username: "ab" }, "username"],
      [{ ...newUser(), username: "a".repeat(33) }, "username"],
      [{ ...newUser(), username: "no spaces" }, "username"],
      [{ ...newUser(), username: "émile" }, "username"],
      [{ ...newUser(), email: "not-an-email" }, "email"],
      [{ ...newUser(), password: "fourteen chars" }, "password"],
      [{ ...newUser(), password: "x".repeat(257) }, "password"],
      [{ ...newUser(), password: "qwertyuiopasdfgh" }, "password"],
      [{ ...newUser(), password: "123456789012345" }, "password"],
      [{ ...newUser(), username: 42 }, "username"],
      [{ ...newUser(), password: { toString: "x" } }, "password"],
      [{ email: "a@b.test", password: "long enough password here" }, "username"],
    ];
    for (const [data, field] of cases) {
      const res = await request.post("/api/users", { data });
      expect(res.status(), JSON.stringify(data)).toBe(400);
      const body = await res.json();
      expect(typeof body.message).toBe("string");
      expect(body.errors?.[field]?.length, `${field} in ${JSON.stringify(body)}`).toBeGreaterThan(0);
    }
  });

  test("the honeypot field refuses bots with 400", async ({ request }) => {
    const res = await request.post("/api/users", { data: { ...newUser(), website: "https://spam.example" } });
    expect(res.status()).toBe(400);
    expect((await res.json()).errors.website).toBeTruthy();
  });

  test("a password longer than bcrypt's 72 bytes is never cut short", async ({ request }) => {
    const user = { ...newUser("long"), password: "a quiet evening with friends ".repeat(4) + "and cake" };
    expect(Buffer.byteLength(user.password)).toBeGreaterThan(72);
    await createUser(request, user);
    const truncated = Buffer.from(user.password).subarray(0, 72).toString();
    const wrong = await request.post("/api/users/login", { data: { email: user.email, password: truncated } });
    expect(wrong.status()).toBe(400);
    await apiLogin(request, user);
  });
});

test.describe("POST /api/users/login", () => {
  test("200 with id, username, message and a session cookie", { tag: "@smoke" }, async ({ request, user }) => {
    const res = await apiLogin(request, user);
    const body = await res.json();
    expect(body).toEqual({
      id: expect.any(String),
      username: user.username,
      message: "You are logged in successfully",
    });
    expect(res.headers()["set-cookie"]).toMatch(/dp\.session=[^;]+;.*HttpOnly/i);
    expect(res.headers()["set-cookie"]).not.toMatch(/dp\.session=[^;]+;[^\n]*Expires/i);
  });

  test("remember: true gives a 30-day cookie", async ({ request, user }) => {
    const res = await apiLogin(request, user, true);
    const match = /dp\.session=[^;]+;[^\n]*Expires=([^;]+)/i.exec(res.headers()["set-cookie"] ?? "");
    expect(match).toBeTruthy();
    const days = (new Date(match![1]!).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30.01);
  });

  test("400 Incorrect credentials for a wrong password or an unknown email", async ({ request, user }) => {
    for (const data of [
      { email: user.email, password: "definitely not the password" },
      { email: `nobody.${user.username}@example.test`, password: user.password },
    ]) {
      const res = await request.post("/api/users/login", { data });
      expect(res.status()).toBe(400);
      expect(await res.json()).toEqual({ message: "Incorrect credentials" });
      expect(res.headers()["set-cookie"] ?? "").not.toContain("dp.session=");
    }
  });
});

test.describe("sessions over the API", () => {
  test(
    "GET /api/me: 401 logged out, 200 logged in, 401 again after logout",
    { tag: "@smoke" },
    async ({ request, user }) => {
      const before = await request.get("/api/me");
      expect(before.status()).toBe(401);
      expect(await before.json()).toEqual({ message: "Unauthorized" });

      await apiLogin(request, user);
      const me = await request.get("/api/me");
      expect(me.status()).toBe(200);
      expect(await me.json()).toEqual({
        message: "You are already logged in",
        id: expect.any(String),
        username: user.username,
        email: user.email,
      });

      const out = await request.post("/api/users/logout");
      expect(out.status()).toBe(204);
      expect(await out.text()).toBe("");
      expect((await request.get("/api/me")).status()).toBe(401);
    },
  );

  test("a cookie copied before logout is refused by the API afterwards", async ({ playwright, user }) => {
    const baseURL = test.info().project.use.baseURL;
    const headers = { "x-forwarded-for": "10.9.9.9" };
    const a = await playwright.request.newContext({ baseURL, extraHTTPHeaders: headers });
    await apiLogin(a, user);
    const state = await a.storageState();
    const b = await playwright.request.newContext({ baseURL, extraHTTPHeaders: headers, storageState: state });
    expect((await b.get("/api/me")).status()).toBe(200);
    expect((await a.post("/api/users/logout")).status()).toBe(204);
    expect((await b.get("/api/me")).status()).toBe(401);
    await a.dispose();
    await b.dispose();
  });

  test("POST /api/users/logout when logged out: 401", async ({ request }) => {
    const res = await request.post("/api/users/logout");
    expect(res.status()).toBe(401);
    expect(await res.json()).toEqual({ message: "Unauthorized" });
  });
});

test.describe("bad requests always get a JSON answer, never a 500", () => {
  const routes = ["/api/users", "/api/users/login"];

  test("415 for bodies that are not JSON", async ({ request }) => {
    for (const route of routes) {
      for (const [type, body] of [
        ["text/plain", '{"email":"a@b.test"}'],
        ["application/x-www-form-urlencoded", "email=a%40b.test&password=x"],
      ]) {
        const res = await request.post(route, { headers: { "content-type": type! }, data: body });
        expect(res.status(), `${route} ${type}`).toBe(415);
        expect(typeof (await res.json()).message).toBe("string");
      }
    }
  });

  test("400 for malformed JSON and wrong shapes", async ({ request }) => {
    const bodies = [
      "{",
      "[]",
      "null",
      '"text"',
      "42",
      '{"email":[],"password":{}}',
      '{"email":"a@b.test","password":"x","remember":"yes"}',
    ];
    for (const route of routes) {
      for (const body of bodies) {
        const res = await request.post(route, { headers: { "content-type": "application/json" }, data: body });
        expect(res.status(), `${route} ${body}`).toBe(400);
        expect(res.headers()["content-type"]).toContain("application/json");
        expect(typeof (await res.json()).message).toBe("string");
      }
    }
  });

  test("huge strings are refused cheaply: 413 for huge bodies, 400 for long fields", async ({ request }) => {
    for (const route of routes) {
      const huge = await request.post(route, {
        data: { username: "x", email: "a@b.test", password: "p".repeat(200_000) },
      });
      expect(huge.status()).toBe(413);
      expect(typeof (await huge.json()).message).toBe("string");
    }
    const long = await request.post("/api/users", {
      data: { username: "u".repeat(5000), email: `${"e".repeat(3000)}@example.test`, password: "p".repeat(5000) },
    });
    expect(long.status()).toBe(400);
  });

  test("unknown API paths and methods answer JSON", async ({ request }) => {
    const missing = await request.get("/api/no-such-thing");
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toEqual({ message: "Not found." });
    const wrongMethod = await request.get("/api/users/login");
    expect(wrongMethod.status()).toBe(405);
    expect(typeof (await wrongMethod.json()).message).toBe("string");
  });
});

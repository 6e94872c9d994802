import { apiLogin, createUser, expect, newUser, test } from "./fixtures";
import { sql } from "./support/db";
import { apiCreateParty } from "./support/parties";
import { E2E_URLS } from "./support/servers";
import { randomIp } from "./support/users";

const SELF = E2E_URLS.main;
const EVIL = "https://evil.example";
const FRONTEND = "https://frontend.example"; // CORS_ORIGINS of the main e2e server

function expectStrictCsp(csp: string | undefined) {
  expect(csp).toBeTruthy();
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
}

test.describe("response headers", () => {
  test("pages: nonce CSP with strict-dynamic, the usual hardening, nothing cacheable when logged in", async ({
    request,
    user,
  }) => {
    const nonces = new Set<string>();
    const check = async (path: string, loggedIn: boolean) => {
      const res = await request.get(path);
      expect(res.status(), path).toBeLessThan(400);
      const h = res.headers();
      expectStrictCsp(h["content-security-policy"]);
      const nonce = /'nonce-([^']+)'/.exec(h["content-security-policy"]!)?.[1];
      expect(h["content-security-policy"]).toContain("'strict-dynamic'");
      expect(nonce, path).toBeTruthy();
      nonces.add(nonce!);
      // Next.js puts the request's nonce on its scripts.
      const html = await res.text();
      expect(html).toContain(`nonce="${nonce}"`);
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["referrer-policy"]).toBe("same-origin");
      expect(h["permissions-policy"]).toContain("camera=()");
      expect(h["x-powered-by"]).toBeUndefined();
      expect(h["strict-transport-security"]).toBeUndefined(); // plain HTTP here
      if (loggedIn) expect(h["cache-control"]).toContain("no-store");
    };
    for (const path of ["/", "/login", "/register"]) await check(path, false);
    await apiLogin(request, user);
    const party = await apiCreateParty(request);
    for (const path of [
      "/",
      `/user/${user.username}`,
      "/rsvp",
      `/parties/${party.id}`,
      `/parties/${party.id}/edit`,
      "/settings",
    ]) {
      await check(path, true);
    }
    expect(nonces.size).toBe(9); // a fresh nonce every time
  });

  test("API answers: deny-all CSP, nosniff, never cached", async ({ request, user }) => {
    for (const res of [
      await request.get("/api/me"),
      await request.get("/api/nothing"),
      await request.post("/api/users/login", { data: {} }),
    ]) {
      const h = res.headers();
      expectStrictCsp(h["content-security-policy"]);
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["cache-control"]).toContain("no-store");
      expect(h["x-powered-by"]).toBeUndefined();
    }
    await apiLogin(request, user);
    const h = (await request.get("/api/parties")).headers();
    expect(h["cache-control"]).toContain("no-store");
  });

  test("over HTTPS: HSTS for a year and upgrade-insecure-requests", async ({ request }) => {
    const res = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(res.headers()["strict-transport-security"]).toMatch(/max-age=31536000/);
    expect(res.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  });

  test("static assets: nosniff and long-lived immutable caching", async ({ request }) => {
    const html = await (await request.get("/login")).text();
    const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    const res = await request.get(asset!);
    expect(res.status()).toBe(200);
    expect(res.headers()["cache-control"]).toMatch(/max-age=31536000.*immutable|immutable.*max-age=31536000/);
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  });
});

test.describe("cookies", () => {
  test("on plain http://localhost: HttpOnly, SameSite=Lax, no prefix", async ({ request, user }) => {
    const res = await apiLogin(request, user);
    const cookie = res
      .headers()
      ["set-cookie"]!.split("\n")
      .find((c) => c.startsWith("dp.session="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i);
  });

  test("over HTTPS: Secure and __Host- names, and they work", async ({ playwright, user }) => {
    const https = await playwright.request.newContext({
      baseURL: SELF,
      extraHTTPHeaders: { "x-forwarded-proto": "https", "x-forwarded-for": randomIp() },
    });
    const res = await https.post("/api/users/login", { data: { email: user.email, password: user.password } });
    expect(res.status()).toBe(200);
    const cookies = res.headers()["set-cookie"]!.split("\n");
    const session = cookies.find((c) => c.startsWith("__Host-dp.session="));
    expect(session, cookies.join("\n")).toBeTruthy();
    for (const attribute of [/Secure/i, /HttpOnly/i, /SameSite=Lax/i, /Path=\//]) expect(session).toMatch(attribute);
    expect(session).not.toMatch(/Domain=/i);
    expect(cookies.some((c) => c.startsWith("dp.session="))).toBe(false);

    // The browser would send it back: the session works.
    const token = /^__Host-dp\.session=([^;]+)/.exec(session!)![1];
    const me = await https.get("/api/me", { headers: { cookie: `__Host-dp.session=${token}` } });
    expect(me.status()).toBe(200);

    const csrf = await https.get("/api/auth/csrf");
    expect(csrf.headers()["set-cookie"]).toMatch(/^__Host-dp\.csrf=[^;]+;.*Secure/im);
    const tz = await https.post("/api/viewer/time-zone", { data: { timeZone: "Europe/Paris" } });
    expect(tz.status()).toBe(204);
    expect(tz.headers()["set-cookie"]).toMatch(
      /^__Host-dp\.tz=[^;]+;.*HttpOnly.*Secure|^__Host-dp\.tz=[^;]+;.*Secure.*HttpOnly/im,
    );
    await https.dispose();
  });
});

test.describe("cross-site requests", () => {
  test("the API refuses state changes from another site, and grants it no CORS", async ({ request, user }) => {
    const login = await request.post("/api/users/login", {
      headers: { origin: EVIL },
      data: { email: user.email, password: user.password },
    });
    expect(login.status()).toBe(403);
    expect(typeof (await login.json()).message).toBe("string");
    expect(login.headers()["access-control-allow-origin"]).toBeUndefined();
    expect(login.headers()["set-cookie"] ?? "").not.toContain("dp.session=");

    const preflight = await request.fetch("/api/parties", {
      method: "OPTIONS",
      headers: { origin: EVIL, "access-control-request-method": "POST" },
    });
    expect(preflight.status()).toBe(403);
    expect(preflight.headers()["access-control-allow-origin"]).toBeUndefined();

    const read = await request.get("/api/me", { headers: { origin: EVIL } });
    expect(read.headers()["access-control-allow-origin"]).toBeUndefined();

    // Our own origin is fine.
    const own = await request.post("/api/users/login", {
      headers: { origin: SELF },
      data: { email: user.email, password: user.password },
    });
    expect(own.status()).toBe(200);
  });

  test("a front end listed in CORS_ORIGINS gets a proper preflight and credentialed answers", async ({
    request,
    user,
  }) => {
    const preflight = await request.fetch("/api/users/login", {
      method: "OPTIONS",
      headers: {
        origin: FRONTEND,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(preflight.status()).toBe(204);
    expect(preflight.headers()["access-control-allow-origin"]).toBe(FRONTEND);
    expect(preflight.headers()["access-control-allow-credentials"]).toBe("true");
    expect(preflight.headers()["access-control-allow-methods"]).toContain("POST");
    expect(preflight.headers()["access-control-allow-headers"]?.toLowerCase()).toContain("content-type");

    const login = await request.post("/api/users/login", {
      headers: { origin: FRONTEND },
      data: { email: user.email, password: user.password },
    });
    expect(login.status()).toBe(200);
    expect(login.headers()["access-control-allow-origin"]).toBe(FRONTEND);
    expect(login.headers()["access-control-allow-credentials"]).toBe("true");
    expect(login.headers()["vary"]).toMatch(/Origin/i);
  });

  test("form posts from another site are refused before any action runs", async ({ request, user }) => {
    const page = await (await request.get("/register")).text();
    const fields = [...page.matchAll(/name="(\$ACTION[^"]*)"(?: value="([^"]*)")?/g)].map(([, k, v]) => [
      k!,
      (v ?? "").replaceAll("&quot;", '"'),
    ]);
    expect(fields.length).toBeGreaterThan(0);
    const res = await request.post("/register", {
      headers: { origin: EVIL },
      multipart: Object.fromEntries([
        ...fields,
        ["username", "crosssite"],
        ["email", user.email],
        ["password", "x"],
        ["repeatPassword", "x"],
      ]),
      maxRedirects: 0,
    });
    expect(res.status()).toBe(403);
  });

  test("a form post with no Origin is refused, unless it is the framework's action call from a same-origin fetch", async ({
    request,
    user,
  }) => {
    const page = await (await request.get("/register")).text();
    const fields = [...page.matchAll(/name="(\$ACTION[^"]*)"(?: value="([^"]*)")?/g)].map(([, k, v]) => [
      k!,
      (v ?? "").replaceAll("&quot;", '"'),
    ]);
    // Shaped like an action id (the server refuses other shapes first), naming none.
    const MADE_UP_ACTION = "0".repeat(42);
    const form = (username: string) =>
      Object.fromEntries([
        ...fields,
        ["username", username],
        ["email", `${username}@example.test`],
        ["password", "a perfectly long passphrase here"],
        ["repeatPassword", "a perfectly long passphrase here"],
      ]);
    const bare = await request.post("/register", { multipart: form("no_origin_a"), maxRedirects: 0 });
    expect(bare.status()).toBe(403);
    expect(await bare.text()).toBe("Cross-site form posts are not allowed.");
    // A fetch from another site, with no Origin: refused just the same.
    const elsewhere = await request.post("/register", {
      headers: { "next-action": MADE_UP_ACTION, "sec-fetch-site": "cross-site" },
      multipart: form("no_origin_b"),
      maxRedirects: 0,
    });
    expect(elsewhere.status()).toBe(403);
    expect(await sql(`SELECT 1 FROM "User" WHERE "username" IN ('no_origin_a', 'no_origin_b')`)).toEqual([]);
    // Next.js's own call from one of our pages passes the check (and gets Next.js's answer to a made-up action).
    const ours = await request.post("/register", {
      headers: {
        "next-action": MADE_UP_ACTION,
        "sec-fetch-site": "same-origin",
        "content-type": "text/plain;charset=UTF-8",
      },
      data: "[]",
      maxRedirects: 0,
    });
    expect(ours.status()).not.toBe(403);
    expect((await request.get(`/user/${user.username}`)).status()).toBeLessThan(500);
    // The rule is the pages'; the API answers in JSON by its own rules, /api itself included.
    for (const path of ["/api", "/api/nowhere"]) {
      const apiPost = await request.post(path, { data: "" });
      expect(apiPost.headers()["content-type"], path).toContain("application/json");
      expect(apiPost.status(), path).not.toBe(403);
    }
  });

  test("Auth.js's credentials callback keeps its CSRF token", async ({ playwright, user }) => {
    const ctx = await playwright.request.newContext({
      baseURL: SELF,
      extraHTTPHeaders: { "x-forwarded-for": randomIp() },
    });
    const without = await ctx.post("/api/auth/callback/credentials", {
      form: { email: user.email, password: user.password },
      maxRedirects: 0,
    });
    expect(without.headers()["set-cookie"] ?? "").not.toContain("dp.session=");
    expect((await ctx.get("/api/me")).status()).toBe(401);

    const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
    const withToken = await ctx.post("/api/auth/callback/credentials", {
      form: { email: user.email, password: user.password, csrfToken },
      maxRedirects: 0,
    });
    expect(withToken.status()).toBeLessThan(400);
    expect((await ctx.get("/api/me")).status()).toBe(200);
    await ctx.dispose();
  });
});

test.describe("GET never changes anything", () => {
  test("state-changing routes refuse GET and HEAD; browsing creates and deletes nothing", async ({ request, user }) => {
    await apiLogin(request, user);
    const party = await apiCreateParty(request);
    // What this person's browsing could touch: other tests run alongside and
    // change the tables' totals.
    const me = (await (await request.get("/api/me")).json()).id;
    const counts = async () =>
      (
        await sql<{ users: unknown; parties: unknown; rsvps: unknown; sessions: unknown }>(
          `SELECT (SELECT COUNT(*) FROM "User" WHERE "id" = $1) AS users,
                  (SELECT COUNT(*) FROM "DinnerParty" WHERE "hostId" = $1) AS parties,
                  (SELECT COUNT(*) FROM "Attendance" WHERE "userId" = $1 OR "partyId" = $2) AS rsvps,
                  (SELECT COUNT(*) FROM "Session" WHERE "userId" = $1) AS sessions`,
          [me, party.id],
        )
      ).map((r) => Object.values(r).map(Number))[0];
    const before = await counts();
    for (const path of [
      "/api/users",
      "/api/users/login",
      "/api/users/logout",
      `/api/parties/${party.id}/rsvp`,
      "/api/viewer/time-zone",
    ]) {
      expect((await request.get(path)).status(), path).toBe(405);
      expect((await request.head(path)).status(), path).toBe(405);
    }
    for (const path of [
      "/",
      "/rsvp",
      `/parties/${party.id}`,
      `/parties/${party.id}/edit`,
      `/parties/${party.id}/delete`,
      "/settings",
      `/user/${user.username}`,
    ]) {
      expect((await request.get(path)).status(), path).toBe(200);
    }
    expect(await counts()).toEqual(before);
    expect((await request.get("/api/me")).status()).toBe(200); // still logged in
  });
});

test.describe("write floods", () => {
  test("30 new parties a minute per user, then 429 with Retry-After", async ({ request, user }) => {
    test.setTimeout(120_000);
    await apiLogin(request, user);
    for (let i = 0; i < 30; i++) await apiCreateParty(request);
    const res = await request.post("/api/parties", {
      data: { date: new Date(Date.now() + 86_400_000).toISOString(), venue: "One more", mainDish: "Soup", seats: 4 },
    });
    expect(res.status()).toBe(429);
    expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await res.json()).message).toMatch(/too often/);
  });

  test("30 RSVP calls a minute per user, then 429", async ({ request, playwright, user }) => {
    await apiLogin(request, user);
    const party = await apiCreateParty(request, { seats: 3 });
    const guest = await playwright.request.newContext({
      baseURL: SELF,
      extraHTTPHeaders: { "x-forwarded-for": randomIp() },
    });
    await apiLogin(guest, await createUser(guest, newUser("flood")));
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res =
        i % 2 ? await guest.delete(`/api/parties/${party.id}/rsvp`) : await guest.post(`/api/parties/${party.id}/rsvp`);
      statuses.push(res.status());
    }
    expect(statuses.slice(0, 30).every((s) => s === 201 || s === 204)).toBe(true);
    expect(statuses[30]).toBe(429);
    await guest.dispose();
  });
});

test.describe("Auth.js's own endpoints", () => {
  test("only those in use answer; the others are a JSON 404, never HTML or a copied query", async ({ request }) => {
    const unused = [
      request.get("/api/auth/signin"),
      request.get("/api/auth/signout"),
      request.post("/api/auth/signout", { form: { csrfToken: "x" }, maxRedirects: 0 }),
      request.get("/api/auth/verify-request"),
      request.get("/api/auth/error?error=%3Cscript%3Ealert(1)%3C/script%3E", { maxRedirects: 0 }),
      request.get("/api/auth/providers"),
      request.get("/api/auth/callback/credentials", { maxRedirects: 0 }),
      request.post("/api/auth/signin/credentials", { form: {}, maxRedirects: 0 }),
      request.post("/api/auth/csrf", { form: {} }),
      request.delete("/api/auth/session"),
    ];
    for (const res of await Promise.all(unused)) {
      expect(res.status(), res.url()).toBe(404);
      expect(res.headers()["content-type"], res.url()).toContain("application/json");
      expect(res.headers().location, res.url()).toBeUndefined();
      expect(await res.json()).toEqual({ message: "Not found." });
    }
    for (const path of ["/api/auth/csrf", "/api/auth/session"]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      expect(res.headers()["content-type"], path).toContain("application/json");
    }
  });

  test("their redirects are addressed to the origin the client used, never the server's localhost", async ({
    playwright,
    user,
  }) => {
    // A name the server does not know itself by, as behind a reverse proxy that keeps Host.
    // (Next.js writes 127.0.0.1 as localhost in request URLs, so a loopback address would prove nothing.)
    const origin = "http://dinnerparty.test";
    const ctx = await playwright.request.newContext({
      baseURL: SELF,
      extraHTTPHeaders: { "x-forwarded-for": randomIp(), host: "dinnerparty.test" },
    });
    const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
    for (const password of [user.password, "not the password at all"]) {
      const res = await ctx.post("/api/auth/callback/credentials", {
        form: { email: user.email, password, csrfToken },
        maxRedirects: 0,
      });
      expect(res.status(), password).toBe(302);
      const location = res.headers().location ?? "";
      expect(location, password).not.toContain("localhost");
      expect(new URL(location, origin).origin, password).toBe(origin);
    }
    await ctx.dispose();
  });
});

test("a path that only starts like an icon or the manifest is a page: it gets the CSP", async ({ request }) => {
  for (const path of [
    "/iconfoo",
    "/icon.svgx",
    "/apple-icon-evil",
    "/manifest.webmanifest.html",
    "/favicon.ico",
    "/icons/x.png",
  ]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(404);
    expectStrictCsp(res.headers()["content-security-policy"]);
  }
  // The files themselves still bypass the proxy and are served.
  for (const path of ["/manifest.webmanifest", "/apple-icon.png", "/icons/icon-192.png"]) {
    expect((await request.get(path)).status(), path).toBe(200);
  }
});

import { apiLogin, expect, test } from "./fixtures";
import { apiCreateParty } from "./support/parties";

// Addresses whose %-escapes cannot be decoded — raw ("%E0%A4%A", "%ff",
// overlong "%c0%af") or once decoded ("%25E0%25A4%25A", a lone "%25") — name
// nothing here. Every dynamic route answers them like any missing thing: the
// 404 page for pages, a 404 JSON error for the API, with the usual headers;
// never a 500. (API project: plain HTTP, no browser needed.)

const BAD = ["%E0%A4%A", "%ff", "%c0%af", "%25E0%25A4%25A", "%25"];

test("every dynamic page answers an undecodable escape with the 404 page", async ({ request, user }) => {
  await apiLogin(request, user);
  const party = await apiCreateParty(request);
  const pages = BAD.flatMap((bad) => [
    `/user/${bad}`,
    `/user/${user.username}${bad}`,
    `/parties/${bad}`,
    `/parties/${bad}/edit`,
    `/parties/${bad}/delete`,
    `/parties/${party.id}${bad}`,
  ]);
  for (const path of pages) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(404);
    expect(res.headers()["content-type"], path).toContain("text/html");
    expect(res.headers()["x-content-type-options"], path).toBe("nosniff");
    expect(res.headers()["content-security-policy"], path).toContain("object-src 'none'");
    expect(await res.text(), path).toContain("Page not found");
  }
});

test("every API route answers an undecodable escape with a 404 JSON error", async ({ request, user }) => {
  await apiLogin(request, user);
  const calls: [method: "get" | "post" | "patch" | "delete", path: string][] = BAD.flatMap((bad) => [
    ["get", `/api/parties/${bad}`] as const,
    ["patch", `/api/parties/${bad}`] as const,
    ["delete", `/api/parties/${bad}`] as const,
    ["post", `/api/parties/${bad}/rsvp`] as const,
    ["delete", `/api/parties/${bad}/rsvp`] as const,
    ["get", `/api/${bad}`] as const,
  ]);
  for (const [method, path] of calls) {
    const res = await request[method](path, method === "patch" ? { data: { seats: 4 } } : {});
    expect(res.status(), `${method} ${path}`).toBe(404);
    expect(res.headers()["content-type"], path).toContain("application/json");
    expect(res.headers()["x-content-type-options"], path).toBe("nosniff");
    expect(res.headers()["content-security-policy"], path).toContain("default-src 'none'");
    expect(typeof (await res.json()).message, path).toBe("string");
  }
});

test("logged out: a raw undecodable address is a 404; a decodable one still asks to log in", async ({ request }) => {
  for (const path of ["/user/%ff", "/parties/%E0%A4%A", "/parties/%c0%af/edit"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(404);
    expect(await res.text(), path).toContain("Page not found");
  }
  const res = await request.get("/user/%25", { maxRedirects: 0 });
  expect(res.status()).toBe(307);
  expect(res.headers().location).toContain("/login?callbackUrl=%2Fuser%2F%2525");
});

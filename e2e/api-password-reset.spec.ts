import { randomBytes } from "node:crypto";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { linkIn, waitForMail } from "./support/mail";
import { apiLogin, createUser, newUser, randomIp } from "./support/users";

// The JSON API of the password reset (shared/design.md "Mail").

const REQUESTED = "If an account exists for that email, we've sent a link to reset the password.";

test(
  "POST /api/users/password-reset: 202 and the same body for every address; the link resets once",
  { tag: "@smoke" },
  async ({ baseURL }) => {
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
  },
);

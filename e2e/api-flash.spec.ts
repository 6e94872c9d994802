import type { APIRequestContext } from "@playwright/test";
import { apiLogin, expect, test } from "./fixtures";
import { apiCreateParty } from "./support/parties";

// A flash message belongs to the page the action redirected to, and to the
// view of it the person gets (lib/flash/mutations.ts). These issue on purpose
// the requests that could draw it first: a router prefetch, another page, a
// payload request of another page, the page's own payload fetched twice (the
// action's own render, then the router's refresh).

const SHOWN = /already RSVP/;

/** Press "RSVP" on /rsvp for `partyId` the way a browser without JavaScript does; answers the 303. */
async function rsvpWithoutJavaScript(request: APIRequestContext, partyId: number) {
  const html = await (await request.get("/rsvp")).text();
  const form = /<form[^>]*>(?:(?!<\/form>).)*name="partyId"(?:(?!<\/form>).)*<\/form>/s.exec(html)?.[0] ?? "";
  const fields: Record<string, string> = {};
  for (const input of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    if (name) fields[name] = /value="([^"]*)"/.exec(input[0])?.[1] ?? "";
  }
  expect(
    Object.keys(fields).some((k) => k.startsWith("$ACTION_ID_")),
    form,
  ).toBe(true);
  const res = await request.post("/rsvp", {
    // As a browser posts it: from this site's page.
    headers: { origin: new URL(test.info().project.use.baseURL!).origin },
    multipart: { ...fields, partyId: String(partyId) },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(303);
  expect(res.headers().location).toBe("/rsvp");
}

const payload = { rsc: "1" };

test.beforeEach(async ({ request, user }) => {
  await apiLogin(request, user);
});

test("a prefetch, another page or another page's payload never takes the message; the page shows it once", async ({
  request,
  user,
}) => {
  const party = await apiCreateParty(request); // the host is already going
  await rsvpWithoutJavaScript(request, party.id);
  const competing = [
    request.get("/rsvp", { headers: { ...payload, "next-router-prefetch": "1" } }),
    request.get("/rsvp", { headers: { ...payload, "next-router-segment-prefetch": "/_tree" } }),
    request.get(`/parties/${party.id}`),
    request.get(`/user/${user.username}`, { headers: payload }),
    request.get("/settings"),
  ];
  for (const res of await Promise.all(competing)) expect(await res.text(), res.url()).not.toMatch(SHOWN);
  expect(await (await request.get("/rsvp")).text()).toMatch(SHOWN);
  // A reload is a new view: the message has been seen.
  expect(await (await request.get("/rsvp")).text()).not.toMatch(SHOWN);
});

test("the page's payload fetched twice (the action's render, then the router's) shows it both times; a reload does not", async ({
  request,
}) => {
  const party = await apiCreateParty(request);
  await rsvpWithoutJavaScript(request, party.id);
  const [first, second] = await Promise.all([
    request.get("/rsvp", { headers: payload }),
    request.get("/rsvp", { headers: payload }),
  ]);
  expect(await first.text()).toMatch(SHOWN);
  expect(await second.text()).toMatch(SHOWN);
  expect(await (await request.get("/rsvp", { headers: payload })).text()).toMatch(SHOWN);
  expect(await (await request.get("/rsvp")).text()).not.toMatch(SHOWN);
});

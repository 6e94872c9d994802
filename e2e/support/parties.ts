import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { randomIp, seedUser, signIn } from "./users";

export type ApiParty = {
  id: number;
  title: string;
  details: string;
  date: string;
  /** null where the host hides it from the caller */
  venue: string | null;
  visibility: "listed" | "invite-only";
  venueHidden: boolean;
  mainDish: string;
  seats: number;
  seatsTaken: number;
  host: { username: string };
  attendees: { username: string; plusOnes: number }[];
  maybe: { username: string }[];
  plusOnesAllowed: number;
  waitlist: boolean;
  rsvpBy: string | null;
  guestListHidden: boolean;
  counts: { going: number; maybe: number; declined: number; waitlisted: number };
  myRsvp: ApiRsvp | null;
};

export type ApiRsvp = {
  response: "going" | "maybe" | "declined" | "waitlisted";
  plusOnes: number;
  note: string;
  position: number | null;
};

/** A datetime-local value `days` from now at `time` (wall clock, any zone). */
export function futureLocal(days = 30, time = "19:30"): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${time}`;
}

/** A start two hours from now: soon enough to be on the first page of /rsvp, whatever other tests host. */
export function soon(): string {
  return new Date(Date.now() + 2 * 3_600_000).toISOString();
}

export function uniqueVenue(prefix = "Table"): string {
  return `${prefix} ${randomBytes(4).toString("hex")}`;
}

/** Create a party through the JSON API (the request context must be logged in). */
export async function apiCreateParty(
  request: APIRequestContext,
  overrides: Partial<{
    date: string;
    venue: string;
    mainDish: string;
    seats: number;
    plusOnesAllowed: number;
    waitlist: boolean;
    rsvpBy: string | null;
    guestListHidden: boolean;
    title: string | null;
    details: string;
    visibility: "listed" | "invite-only";
    venueHidden: boolean;
  }> = {},
): Promise<ApiParty & { venue: string }> {
  // The host's own view: the venue is always there.
  const res = await request.post("/api/parties", {
    data: {
      date: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      venue: uniqueVenue(),
      mainDish: "Mushroom risotto",
      seats: 6,
      ...overrides,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}

/** Answer a party through the JSON API (PUT …/rsvp) as the request context's user; returns the API's `rsvp`. */
export async function apiAnswer(
  request: APIRequestContext,
  partyId: number,
  answer: { response: "going" | "maybe" | "declined"; plusOnes?: number; note?: string },
): Promise<ApiRsvp> {
  const res = await request.put(`/api/parties/${partyId}/rsvp`, { data: answer });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).rsvp;
}

/** Fill and send "Host a dinner party" on one's own profile page. */
export async function hostThroughForm(
  page: Page,
  party: { date: string; venue: string; mainDish: string; seats: string | number },
) {
  await page.getByLabel("Date", { exact: true }).fill(party.date);
  await page.getByLabel("Venue", { exact: true }).fill(party.venue);
  await page.getByLabel("Main dish", { exact: true }).fill(party.mainDish);
  await page.getByLabel("Number of seats", { exact: true }).fill(String(party.seats));
  await page.getByRole("button", { name: "Create party" }).click();
}

/** A second person in their own browser context, with an account and logged in. */
export async function anotherPerson(browser: Browser, baseURL: string, prefix = "guest", timezoneId = "UTC") {
  const context = await browser.newContext({
    baseURL,
    timezoneId,
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });
  await context.addCookies([{ name: "dp.tz", value: timezoneId, url: baseURL }]);
  const user = await seedUser(prefix);
  await signIn(context, user, baseURL);
  const page = await context.newPage();
  return { context, page, user };
}

/**
 * A second person in a browser without JavaScript, with an account and logged in.
 * Such a browser never runs the script that tells the server its time zone,
 * so it has no zone cookie.
 */
export async function anotherPersonWithoutJavaScript(browser: Browser, baseURL: string, prefix = "nojsguest") {
  const context = await browser.newContext({
    baseURL,
    javaScriptEnabled: false,
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });
  const user = await seedUser(prefix);
  await signIn(context, user, baseURL);
  const page = await context.newPage();
  return { context, page, user };
}

/** The card of a party in a list, found by its venue. */
export function partyCard(page: Page, venue: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: venue }) });
}

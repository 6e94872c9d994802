// Profile for the shared load harness (../shared/bench/load/run.mjs): how it
// talks to DinnerParty. Started from the harness's profiles/next.mjs, checked
// against our routes. Self-contained (no import from the harness) so it can
// live in this repository.
//
// - The harness's list of "all parties" comes from GET /api/parties, page by
//   page (the API returns at most 100 upcoming parties a call).
// - The logged-in list scenario (b) requests /rsvp, the page people use,
//   which shows the 20 soonest parties with their guests (the tutorial's
//   page renders every party at once).
// - The contract allows 2–100 seats: bigger requested tables get 100.

const ok2xx = (s) => s >= 200 && s < 300;

function accepted(res, expect) {
  return expect.status.includes(res.status) && (!expect.contains || res.body.includes(expect.contains));
}

function mergeCookies(prev, setCookies) {
  const jar = new Map();
  for (const part of (prev || "").split(/;\s*/)) {
    const i = part.indexOf("=");
    if (i > 0) jar.set(part.slice(0, i), part.slice(i + 1));
  }
  for (const line of setCookies || []) {
    const [pair, ...attrs] = line.split(/;\s*/);
    const i = pair.indexOf("=");
    if (i <= 0) continue;
    const expired = attrs.some((a) => /^max-age=0$/i.test(a) || /^expires=.*1970/i.test(a));
    if (expired || pair.slice(i + 1) === "") jar.delete(pair.slice(0, i));
    else jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

function normParty(x) {
  return {
    id: x.id,
    venue: x.venue,
    seats: Number(x.seats),
    attendees: (x.attendees ?? []).map((a) => a.username),
  };
}

const profile = {
  name: "dinnerparty",
  describe:
    "DinnerParty (Next.js 16, server/index.mjs with one worker per core), SQLite, server-rendered pages (/ kept 5 s per worker, /rsvp per person until the data changes or 30 s: decisions 016, 018) + JSON API",
  passwordHashing: `bcryptjs cost ${process.env.BCRYPT_COST ?? 10} over a SHA-256 pre-hash`,
  hostTakesSeat: true,

  requests: {
    home: () => ({ method: "GET", path: "/" }),
    listParties: (u, cookie) => ({ method: "GET", path: "/rsvp", cookie }),
    jsonLogin: (u) => ({ method: "POST", path: "/api/users/login", json: { email: u.email, password: u.password } }),
    rsvp: (u, cookie, partyId) => ({ method: "POST", path: `/api/parties/${partyId}/rsvp`, cookie, json: {} }),
  },
  expect: {
    home: { status: [200], contains: "Dinner with friends" },
    listParties: { status: [200], contains: "Upcoming dinner parties" },
    jsonLogin: { status: [200], contains: '"id"' },
    rsvp: { status: [201] },
  },

  async register(c, u) {
    const r = await c.send({
      method: "POST",
      path: "/api/users",
      json: { username: u.username, email: u.email, password: u.password },
    });
    if (!ok2xx(r.status)) throw new Error(`register ${u.username}: HTTP ${r.status} ${r.body.slice(0, 200)}`);
  },

  async login(c, u) {
    const r = await c.send(profile.requests.jsonLogin(u));
    const cookie = mergeCookies("", r.setCookies);
    if (!ok2xx(r.status) || !cookie) throw new Error(`login ${u.email}: HTTP ${r.status} ${r.body.slice(0, 200)}`);
    return cookie;
  },

  async createParty(c, host, cookie, p) {
    const r = await c.send({
      method: "POST",
      path: "/api/parties",
      cookie,
      json: { date: p.date, venue: p.venue, mainDish: p.mainDish, seats: Math.min(100, p.seats) },
    });
    if (!ok2xx(r.status)) throw new Error(`create party ${p.venue}: HTTP ${r.status} ${r.body.slice(0, 200)}`);
    return JSON.parse(r.body).id;
  },

  async listParties(c, viewer, cookie) {
    const all = [];
    let cursor = null;
    do {
      const r = await c.send({
        method: "GET",
        path: `/api/parties?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        cookie,
      });
      if (!accepted(r, { status: [200] })) throw new Error(`list parties: HTTP ${r.status}`);
      const page = JSON.parse(r.body);
      all.push(...page.parties.map(normParty));
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  },
};

export default profile;

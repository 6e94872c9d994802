// npm run bench (through scripts/bench.mjs) — DinnerParty's own benchmark, and the side-by-side with the
// Flask tutorial app it replaces.
//
// 1. Our scenarios, with wrk (Debian) on loopback, 16 connections, 10 s each
//    after a 2 s warm-up, against the production build on SQLite, on a
//    realistic data set (200 users, 500 parties, 1,500 RSVPs) and one ten
//    times larger: anonymous home page, logged-in /rsvp, GET /api/parties,
//    invitation previews (logged out) and calendar feeds, RSVP writes by
//    distinct users, guest answers (going with plus-ones on parties with a
//    waitlist, and answer changes), JSON login. Also: login latency one at a
//    time against one bcrypt compare, and one worker against one per core.
// 2. If ../shared/bench is there: the shared load harness against the Flask
//    anchor and against DinnerParty, back to back, and their ratios.
//
// The server runs with RATE_LIMIT_SCALE=100000: this measures speed, not the
// brute-force and flood limits. Writes docs/performance.md and prints one
// summary line. Options: --quick (3 s scenarios), --no-anchor.
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import bcrypt from "bcryptjs";
import { aptInstall, ensureBuilt, ensureInstalled, ROOT } from "../lib/run.mjs";
import { startApp } from "../lib/app-server.mjs";
import {
  answerInvariantViolations,
  BENCH_PASSWORD,
  dishInvariantViolations,
  promotions,
  seedDishes,
  seedSqlite,
  setAnswerMails,
  WAITLIST_PARTY,
} from "./seed.mjs";

const args = new Set(process.argv.slice(2));
const QUICK = args.has("--quick");
const DURATION = QUICK ? 3 : 10;
const WARMUP = QUICK ? 1 : 2;
const CONNECTIONS = 16;
const SCALE = "100000";
// Part 1's RSVP writes against the tutorial app's, in the harness run of
// docs/performance.md at 2026-12-02 07:27 (before Part 2's answers): issue 14
// allows at most a 15 % fall of this same-run ratio.
const PART1_RSVP_VS_TUTORIAL = 13.32;
const WAITLIST_PARTIES = 100;
/** Hosted by the first people, who are logged in: each fetches its party's link. */
const INVITE_ONLY_PARTIES = 50;
const COST = Number(process.env.BCRYPT_COST ?? 10);
const WORK = path.join(ROOT, "var", "bench");
const HARNESS = process.env.BENCH_HARNESS_DIR ?? path.resolve(ROOT, "..", "shared", "bench");
fs.mkdirSync(WORK, { recursive: true });

/** An empty folder under var/bench (the mails of one scenario). */
function freshDir(name) {
  const dir = path.join(WORK, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

const log = (...a) => console.error("[bench]", ...a);
const round = (x, d = 1) => (x === null || x === undefined ? x : Math.round(x * 10 ** d) / 10 ** d);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------ tools
function have(cmd) {
  try {
    execFileSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Processes of a server: the root and every descendant. */
function tree(root) {
  const children = new Map();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // gone
    }
  }
  const out = [];
  const walk = (pid) => {
    out.push(pid);
    for (const c of children.get(pid) ?? []) walk(c);
  };
  walk(root);
  return out;
}

function readProc(pids) {
  let rssKb = 0;
  let ticks = 0;
  for (const pid of pids) {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      rssKb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return { rssKb, cpuS: ticks / 100 };
}

/** Peak memory and CPU time of a server while `work` runs. */
async function sampled(root, work) {
  const pids = tree(root);
  const start = readProc(pids);
  let peak = start.rssKb;
  const timer = setInterval(() => (peak = Math.max(peak, readProc(tree(root)).rssKb)), 200);
  const t0 = Date.now();
  try {
    const result = await work();
    const end = readProc(tree(root));
    peak = Math.max(peak, end.rssKb);
    return {
      result,
      peakRssMb: round(peak / 1024),
      serverCores: round((end.cpuS - start.cpuS) / ((Date.now() - t0) / 1000), 2),
    };
  } finally {
    clearInterval(timer);
  }
}

function runWrk(base, lines, seconds) {
  const file = path.join(WORK, `requests-${process.pid}.tsv`);
  fs.writeFileSync(file, lines.join("\n") + "\n");
  return new Promise((resolve, reject) => {
    const child = spawn("wrk", [
      "-t1",
      `-c${CONNECTIONS}`,
      `-d${seconds}s`,
      "--timeout",
      "10s",
      "-s",
      path.join(ROOT, "scripts", "bench", "replay.lua"),
      base,
      "--",
      file,
    ]);
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", () => {
      fs.rmSync(file, { force: true });
      const line = out
        .trim()
        .split("\n")
        .reverse()
        .find((l) => l.startsWith("{"));
      if (!line) return reject(new Error(`wrk gave no result:\n${out}`));
      resolve(JSON.parse(line));
    });
  });
}

async function scenario(app, label, lines, { warm = true } = {}) {
  if (warm) await runWrk(app.base, lines, WARMUP);
  const { result: r, peakRssMb, serverCores } = await sampled(app.pid, () => runWrk(app.base, lines, DURATION));
  const seconds = r.duration_us / 1e6;
  const row = {
    label,
    rps: round(r.requests / seconds),
    p50: round(r.p50_us / 1000, 2),
    p95: round(r.p95_us / 1000, 2),
    p99: round(r.p99_us / 1000, 2),
    errors: r.http_errors + r.socket_errors,
    statuses: r.statuses,
    peakRssMb,
    serverCores,
  };
  log(
    `${label}: ${row.rps} req/s, p50 ${row.p50} p95 ${row.p95} p99 ${row.p99} ms, errors ${row.errors}, peak RSS ${peakRssMb} MB, server ${serverCores} cores`,
  );
  return row;
}

const line = (method, pathname, cookie = "-", body = "-") => [method, pathname, cookie || "-", body].join("\t");

async function login(base, username) {
  const res = await fetch(`${base}/api/users/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: `${username}@bench.example`, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .find((c) => c.startsWith("dp.session="))
    .split(";")[0];
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** One bcrypt compare at the configured cost, as the login does it. */
async function bcryptCompareMs() {
  const input = createHash("sha256").update(BENCH_PASSWORD).digest("base64");
  const hash = await bcrypt.hash(input, COST);
  const times = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    await bcrypt.compare(input, hash);
    times.push(performance.now() - t0);
  }
  return round(median(times), 1);
}

// ------------------------------------------------------------ our benchmark
async function measure(size, { users, parties, rsvps }, { workers, full = true }) {
  let seeded;
  let dbFile;
  const app = await startApp({
    port: 3230,
    // Notifications on, as in production: every answer queues the host's mail in
    // its transaction and the senders write them out (.eml files, no SMTP server).
    env: {
      RATE_LIMIT_SCALE: SCALE,
      MAIL_DIR: freshDir(`mail-${size.replace(/\W+/g, "-")}`),
      ...(workers && { WEB_CONCURRENCY: String(workers) }),
    },
    prepare: async (url) => {
      dbFile = url.slice("file:".length);
      seeded = await seedSqlite(dbFile, {
        users,
        parties,
        rsvps,
        cost: COST,
        waitlistParties: full ? WAITLIST_PARTIES : 0,
        inviteOnlyParties: full ? INVITE_ONLY_PARTIES : 0,
      });
    },
  });
  try {
    const idle = readProc(tree(app.pid));
    const people = seeded.people.slice(0, 64);
    const cookies = [];
    for (const p of people) cookies.push(await login(app.base, p.username));
    const rows = {};
    rows.home = await scenario(app, "anonymous GET /", [line("GET", "/")]);
    // The same page rendered every time: a query string bypasses the anonymous page cache.
    rows.homeRendered = await scenario(app, "anonymous GET /?r=1 (rendered, no cache)", [line("GET", "/?r=1")]);
    rows.rsvp = await scenario(
      app,
      "logged-in GET /rsvp",
      cookies.map((c) => line("GET", "/rsvp", c)),
    );
    // The same list rendered every time (a query string bypasses the page cache).
    rows.rsvpRendered = await scenario(
      app,
      "logged-in GET /rsvp?r=1 (rendered, no cache)",
      cookies.map((c) => line("GET", "/rsvp?r=1", c)),
    );
    rows.api = await scenario(
      app,
      "GET /api/parties",
      cookies.map((c) => line("GET", "/api/parties", c)),
    );
    if (full) Object.assign(rows, await invitationScenarios(app, seeded, cookies));
    if (full) {
      // Distinct (guest, party) pairs, parties interleaved so that concurrent
      // requests rarely meet at the same table.
      const pairs = [];
      for (const partyId of seeded.partyIds) {
        people.forEach((p, i) => {
          if (!seeded.attending.get(partyId).has(p.id)) pairs.push({ cookie: cookies[i], partyId, k: i });
        });
      }
      pairs.sort((a, b) => a.k - b.k || a.partyId - b.partyId);
      pairs.length = Math.min(pairs.length, 40_000); // far more than a run sends
      // The same writes twice, on alternate pairs: first with the hosts' answer
      // mails off — the RSVP as it was before notifications — then on, as in
      // production (each answer queues the host's mail; the senders write it out).
      const rsvpLines = (half) =>
        pairs
          .filter((_, i) => i % 2 === half)
          .map((p) => line("POST", `/api/parties/${p.partyId}/rsvp`, p.cookie, "{}"));
      setAnswerMails(dbFile, false);
      rows.writeQuiet = await scenario(app, "RSVP writes, answer mails off", rsvpLines(1), { warm: false });
      setAnswerMails(dbFile, true);
      rows.write = await scenario(app, "RSVP writes (POST /api/parties/{id}/rsvp)", rsvpLines(0), { warm: false });
      rows.write.pairs = pairs.length;
      Object.assign(rows, await answerScenarios(app, seeded, people, cookies));
      rows.claim = await dishScenario(app, people, cookies);
      const bodies = seeded.people
        .slice(0, 200)
        .map((p) => JSON.stringify({ email: `${p.username}@bench.example`, password: BENCH_PASSWORD }));
      rows.login = await scenario(
        app,
        "JSON login (POST /api/users/login)",
        bodies.map((b) => line("POST", "/api/users/login", "-", b)),
      );
      // One at a time: what a person waits for.
      const single = [];
      for (let i = 0; i < 30; i++) {
        const t0 = performance.now();
        await login(app.base, seeded.people[i].username);
        single.push(performance.now() - t0);
      }
      rows.loginSingleP50 = round(median(single), 1);
    }
    return {
      size,
      users,
      parties,
      rsvps,
      workers: workers ?? os.availableParallelism(),
      idleRssMb: round(idle.rssKb / 1024),
      rows,
    };
  } finally {
    await app.stop();
  }
}

/**
 * Part 2's answers (PUT /api/parties/{id}/rsvp), after Part 1's writes on the same server.
 *
 * Going with plus-ones: per waitlist party (8 seats, 2 plus-ones allowed), 20
 * people answer going with 0–2 plus-ones, so that the table fills and the
 * rest queue, then the same 20 say they can't go in the same order, freeing
 * seats that promote the queue; replayed round robin, the cycle repeats.
 * Answer changes: guests already at the big tables go maybe (with a note),
 * can't go, and going again. Every request is a valid answer: all are 200.
 */
async function answerScenarios(app, seeded, people, cookies) {
  const file = app.databaseUrl.slice("file:".length);
  const put = (cookie, partyId, body) => line("PUT", `/api/parties/${partyId}/rsvp`, cookie, JSON.stringify(body));
  const going = [];
  seeded.waitlistPartyIds.forEach((partyId, p) => {
    const guests = [];
    for (let k = 0; guests.length < 20; k++) {
      const i = (p * 7 + k) % people.length;
      if (!seeded.attending.get(partyId).has(people[i].id)) guests.push(i);
    }
    guests.forEach((i, k) =>
      going.push(put(cookies[i], partyId, { response: "going", plusOnes: k % (WAITLIST_PARTY.plusOnesAllowed + 1) })),
    );
    guests.forEach((i) => going.push(put(cookies[i], partyId, { response: "declined" })));
  });
  const before = promotions(file);
  const answerGoing = await scenario(app, "going with plus-ones, waitlist parties (PUT …/rsvp)", going, {
    warm: false,
  });
  answerGoing.promotions = promotions(file) - before;
  answerGoing.parties = seeded.waitlistPartyIds.length;

  const seated = [];
  people.forEach((person, i) => {
    for (const partyId of seeded.partyIds) {
      const at = seeded.attending.get(partyId);
      // not the host (the first one seeded at each table)
      if (at.has(person.id) && at.values().next().value !== person.id) seated.push({ i, partyId });
    }
  });
  const changes = [
    ...seated.map(({ i, partyId }) => put(cookies[i], partyId, { response: "maybe", note: "Running late from work" })),
    ...seated.map(({ i, partyId }) => put(cookies[i], partyId, { response: "declined" })),
    ...seated.map(({ i, partyId }) => put(cookies[i], partyId, { response: "going" })),
  ];
  const answerChanges = await scenario(app, "answer changes: maybe, can't go, going (PUT …/rsvp)", changes, {
    warm: false,
  });
  answerChanges.pairs = seated.length;
  const violations = answerInvariantViolations(file);
  if (violations.length) log(`answer invariants broken:\n  ${violations.join("\n  ")}`);
  return { answerGoing, answerChanges, violations };
}

/**
 * Issue 17's "What to bring": going guests claim items (POST …/claim), each
 * (guest, item) once, every claim with room (201). Three items of 20 on every
 * party the logged-in people are going to; claims interleaved across parties,
 * so concurrent ones meet at one item only now and then, as at real tables.
 */
async function dishScenario(app, people, cookies) {
  const file = app.databaseUrl.slice("file:".length);
  const cookieOf = new Map(people.map((p, i) => [p.id, cookies[i]]));
  const claims = seedDishes(
    file,
    people.map((p) => p.id),
  );
  const order = new Map();
  const ranked = claims.map((c) => {
    const k = order.get(c.dishId) ?? 0;
    order.set(c.dishId, k + 1);
    return { ...c, k };
  });
  ranked.sort((a, b) => a.k - b.k || a.partyId - b.partyId || a.dishId - b.dishId);
  const lines = ranked.map((c) =>
    line("POST", `/api/parties/${c.partyId}/dishes/${c.dishId}/claim`, cookieOf.get(c.userId), "{}"),
  );
  const row = await scenario(app, "dish claims (POST …/dishes/{id}/claim)", lines, { warm: false });
  row.pairs = claims.length;
  row.violations = dishInvariantViolations(file);
  if (row.violations.length) log(`dish invariants broken:\n  ${row.violations.join("\n  ")}`);
  return row;
}

/**
 * Part 2's invitations and calendar: the logged-out preview of invite-only
 * parties' links (GET /invite/{token}), and the personal calendar feeds
 * (GET /calendar/{token}.ics) of the logged-in people — the links taken
 * where a person finds them, from the API and from /settings.
 */
async function invitationScenarios(app, seeded, cookies) {
  const invites = [];
  for (const { id, host } of seeded.inviteOnly) {
    const res = await fetch(`${app.base}/api/parties/${id}/invite-link`, {
      method: "POST",
      headers: { cookie: cookies[host] },
    });
    if (res.status !== 200) throw new Error(`invite-link ${id}: ${res.status} ${await res.text()}`);
    invites.push(new URL((await res.json()).url).pathname);
  }
  const feeds = [];
  for (const cookie of cookies) {
    const html = await (await fetch(`${app.base}/settings`, { headers: { cookie } })).text();
    const path = /\/calendar\/[A-Za-z0-9_-]+\.ics/.exec(html)?.[0];
    if (!path) throw new Error("no calendar feed link on /settings");
    feeds.push(path);
  }
  return {
    invite: await scenario(
      app,
      "invitation preview, logged out (GET /invite/{token})",
      invites.map((p) => line("GET", p)),
    ),
    feed: await scenario(
      app,
      "calendar feed (GET /calendar/{token}.ics)",
      feeds.map((p) => line("GET", p)),
    ),
  };
}

// ------------------------------------------------------------ side by side
async function anchorSideBySide() {
  const run = path.join(HARNESS, "load", "run.mjs");
  if (!fs.existsSync(run) || args.has("--no-anchor")) {
    log(`side-by-side skipped (${args.has("--no-anchor") ? "--no-anchor" : `no harness at ${HARNESS}`})`);
    return null;
  }
  try {
    execFileSync("/usr/bin/python3", ["-c", "import flask, flask_login, flask_sqlalchemy, flask_wtf, gunicorn"], {
      stdio: "ignore",
    });
  } catch {
    log("installing the Flask anchor's Debian packages");
    aptInstall(
      "--no-install-recommends",
      "python3-flask",
      "python3-flask-login",
      "python3-flask-sqlalchemy",
      "python3-flaskext.wtf",
      "python3-email-validator",
      "gunicorn",
    );
  }
  const results = {};
  const harness = async (name, base, profile, pid) => {
    const out = path.join(WORK, `harness-${name}.json`);
    const argv = [
      run,
      "--base",
      base,
      "--profile",
      profile,
      "--wait-idle",
      "30",
      "--out",
      out,
      ...(pid ? ["--pid", String(pid)] : []),
    ];
    if (QUICK) argv.push("--smoke");
    await new Promise((resolve, reject) => {
      const child = spawn("node", argv, { stdio: ["ignore", "inherit", "inherit"] });
      child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`harness (${name}) exited ${code}`))));
    });
    return JSON.parse(fs.readFileSync(out, "utf8"));
  };

  // The Flask anchor: gunicorn, 2 sync workers, fresh SQLite database.
  const varDir = path.join(WORK, "anchor");
  fs.mkdirSync(varDir, { recursive: true });
  const flask = spawn("bash", [path.join(HARNESS, "flask-anchor", "run.sh"), "5801"], {
    env: { ...process.env, BENCH_VAR: varDir },
    stdio: ["ignore", "ignore", "ignore"],
    detached: true,
  });
  try {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch("http://127.0.0.1:5801/")).ok) break;
      } catch {
        await sleep(200);
      }
    }
    results.flask = await harness("flask", "http://127.0.0.1:5801", "flask");
  } finally {
    try {
      process.kill(Number(fs.readFileSync(path.join(varDir, "gunicorn.pid"), "utf8")), "SIGTERM");
    } catch {
      process.kill(-flask.pid, "SIGTERM");
    }
    await sleep(1000);
  }

  const app = await startApp({ port: 3240, env: { RATE_LIMIT_SCALE: SCALE, MAIL_DIR: freshDir("mail-race") } });
  try {
    results.dinnerparty = await harness(
      "dinnerparty",
      app.base,
      path.join(ROOT, "scripts", "bench", "harness-profile.mjs"),
      app.pid,
    );
  } finally {
    await app.stop();
  }
  return results;
}

// ------------------------------------------------------------ main
await ensureInstalled();
await ensureBuilt();
if (!have("wrk")) {
  log("installing wrk (Debian)");
  aptInstall("--no-install-recommends", "wrk");
}
const started = new Date();
const compareMs = await bcryptCompareMs();
log(`one bcrypt compare at cost ${COST}: ${compareMs} ms`);
const small = { users: 200, parties: 500, rsvps: 1500 };
const large = { users: 2000, parties: 5000, rsvps: 15000 };
const runs = {
  small: await measure("small", small, {}),
  large: await measure("large", large, {}),
  oneWorker: await measure("small", small, { workers: 1, full: false }),
};
const side = await anchorSideBySide();

// ------------------------------------------------------------ report
const S = runs.small.rows;
const L = runs.large.rows;
const O = runs.oneWorker.rows;
const checks = [];
const check = (name, ok, detail) => checks.push({ name, ok, detail });
check(
  "login p50 ≤ 1.25 × one bcrypt compare",
  S.loginSingleP50 <= 1.25 * compareMs,
  `${S.loginSingleP50} ms vs ${compareMs} ms (× ${round(S.loginSingleP50 / compareMs, 2)})`,
);
for (const [key, row] of [
  ["home", S.home],
  ["rsvp", S.rsvp],
  ["api", S.api],
]) {
  check(`p99 < 100 ms at ${CONNECTIONS} connections: ${row.label}`, row.p99 < 100, `${row.p99} ms`);
  void key;
}
for (const [size, rows] of [
  ["realistic data", S],
  ["10× data", L],
]) {
  const { write, writeQuiet } = rows;
  check(
    `RSVP writes with the host's answer mail (${size}): within 15 % of the same writes without it, same run`,
    write.rps >= 0.85 * writeQuiet.rps,
    `${write.rps} vs ${writeQuiet.rps} req/s (${round((100 * write.rps) / writeQuiet.rps - 100, 1)} %)`,
  );
}
for (const [name, a, b] of [
  ["/rsvp", S.rsvp, L.rsvp],
  ["/api/parties", S.api, L.api],
]) {
  check(
    `10× data: ${name} p50 within 1.3×`,
    b.p50 <= 1.3 * a.p50,
    `${a.p50} → ${b.p50} ms (× ${round(b.p50 / a.p50, 2)})`,
  );
}
check(
  "no errors in any scenario",
  Object.values(S)
    .concat(Object.values(L))
    .every((r) => typeof r !== "object" || !("errors" in r) || r.errors === 0),
  "",
);
for (const [size, rows] of [
  ["realistic data", S],
  ["10× data", L],
]) {
  check(
    `answers (${size}): seatsTaken = Σ going (1 + plus-ones) ≤ seats, nobody waiting for a seat that is free`,
    rows.violations.length === 0,
    rows.violations.length
      ? rows.violations.slice(0, 3).join("; ")
      : `${rows.answerGoing.promotions} promotions from the waitlist in ${DURATION} s; every party checked after the scenarios`,
  );
}
for (const [size, rows] of [
  ["realistic data", S],
  ["10× data", L],
]) {
  check(
    `dish claims (${size}): never more claims than "How many", claimed = the claims, every claimer going`,
    rows.claim.violations.length === 0 && rows.claim.errors === 0,
    rows.claim.violations.length
      ? rows.claim.violations.slice(0, 3).join("; ")
      : `${rows.claim.rps} claims/s over ${rows.claim.pairs} (guest, item) pairs; every item checked after the scenario`,
  );
}
let ratios = null;
if (side) {
  const f = side.flask.scenarios;
  const d = side.dinnerparty.scenarios;
  ratios = {
    home: round(d.a_home.rps / f.a_home.rps, 2),
    parties: round(d.b_parties.rps / f.b_parties.rps, 2),
    rsvp: round(d.d_rsvp.ok_rps / Math.max(0.1, f.d_rsvp.ok_rps), 2),
  };
  check("≥ 2× the tutorial app: anonymous home page", ratios.home >= 2 && d.a_home.errors === 0, `× ${ratios.home}`);
  check(
    "≥ 2× the tutorial app: logged-in party list",
    ratios.parties >= 2 && d.b_parties.errors === 0,
    `× ${ratios.parties}`,
  );
  check("≥ 2× the tutorial app: RSVP writes", ratios.rsvp >= 2 && d.d_rsvp.errors === 0, `× ${ratios.rsvp}`);
  check(
    "Part 1 RSVP writes vs the tutorial app: at most 15 % below the ratio before Part 2",
    ratios.rsvp >= 0.85 * PART1_RSVP_VS_TUTORIAL,
    `× ${ratios.rsvp} vs × ${PART1_RSVP_VS_TUTORIAL} (${round((100 * ratios.rsvp) / PART1_RSVP_VS_TUTORIAL - 100)} %)`,
  );
  const race = d.e_race;
  check(
    "race: zero overbooking, zero lost RSVPs",
    race.overbooked_rounds === 0 &&
      race.rounds.every((r) => r.accepted_but_not_stored === 0 && r.accepted_responses === r.free_seats),
    race.rounds
      .map((r) => `${r.accepted_responses}/${r.attempts} accepted, ${r.guests_in_db} stored for ${r.free_seats} seats`)
      .join("; "),
  );
}

const failed = checks.filter((c) => !c.ok);
const table = (rows) =>
  [
    "| Scenario | req/s | p50 ms | p95 ms | p99 ms | errors | server CPU (cores) | peak RSS MB |",
    "|---|---|---|---|---|---|---|---|",
    ...rows
      .filter(Boolean)
      .map(
        (r) =>
          `| ${r.label} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${r.serverCores} | ${r.peakRssMb} |`,
      ),
  ].join("\n");

const claimsNote = (rows) =>
  `Dish claims (after the answers, same server): ${rows.claim.pairs} distinct (going guest, item) pairs on three items of 20 per party, each claimed once, every claim with room (201); afterwards every item has claimed = its claims ≤ how many, all by going guests.`;
const answersNote = (rows) =>
  `Answers (Part 2, after the RSVP writes, same server): going with plus-ones on ${rows.answerGoing.parties} parties of ${WAITLIST_PARTY.seats} seats with a waitlist and up to ${WAITLIST_PARTY.plusOnesAllowed} plus-ones, 20 people each answering going then can't go — ${rows.answerGoing.promotions} promotions from the waitlist in the measured ${DURATION} s; answer changes by ${rows.answerChanges.pairs} guests already going. Compare both with the Part 1 RSVP row above: same server, same run.`;
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
const sideTable = side
  ? (() => {
      const f = side.flask.scenarios;
      const d = side.dinnerparty.scenarios;
      const row = (name, a, b, metric = "rps") =>
        `| ${name} | ${a[metric]} req/s, p50 ${a.latency_ms.p50} ms, err ${a.errors} | ${b[metric]} req/s, p50 ${b.latency_ms.p50} ms, err ${b.errors} | × ${round(b[metric] / Math.max(0.1, a[metric]), 2)} |`;
      const race = (r) =>
        r.rounds.map((x) => `${x.accepted_responses}/${x.attempts} accepted, ${x.guests_in_db} stored`).join("; ");
      return [
        "| Scenario (harness) | Flask tutorial app | DinnerParty | ratio |",
        "|---|---|---|---|",
        row("a: anonymous home page", f.a_home, d.a_home),
        row("b: logged-in list of parties", f.b_parties, d.b_parties),
        row("d: RSVP writes (accepted/s)", f.d_rsvp, d.d_rsvp, "ok_rps"),
        row("c: JSON login (hash-bound)", f.c_login, d.c_login),
        `| e: 50 concurrent RSVPs for 10 seats, ${f.e_race.rounds.length} rounds | ${race(f.e_race)} | ${race(d.e_race)} | |`,
        "",
        `Flask: ${side.flask.profile_describe}; ${side.flask.password_hashing}.`,
        `DinnerParty: ${side.dinnerparty.profile_describe}; ${side.dinnerparty.password_hashing}.`,
        `Harness summary lines:`,
        "",
        "```",
        side.flask.summary,
        side.dinnerparty.summary,
        "```",
      ].join("\n");
    })()
  : "_Not measured in this run: the shared harness (`../shared/bench`) was not found, or `--no-anchor` was given._";

const doc = `# Performance

Measured ${started.toISOString().slice(0, 16).replace("T", " ")} UTC by \`npm run bench\`${QUICK ? " (**--quick**: 3 s scenarios, not for comparison)" : ""}, on ${machine}.
One machine, two cores shared by the server, the load generator and the
harness: compare ratios measured in one run, not absolute numbers across runs.

## How to run

\`\`\`sh
npm run bench            # ~10 minutes; installs wrk (and the Flask anchor's packages) from Debian if needed
npm run bench -- --quick # 3-second scenarios, for a smoke check
\`\`\`

It builds the production app if needed and starts it (\`server/index.mjs\`, one
worker per core, SQLite in WAL mode, \`synchronous=NORMAL\`) on loopback with a
fresh database. **The server runs with \`RATE_LIMIT_SCALE=${SCALE}\`**: the
benchmark measures speed, not the brute-force and flood limits (which would
rightly refuse a load generator's logins and writes). Each scenario is
replayed by wrk (Debian), ${CONNECTIONS} connections, one thread, ${WARMUP} s warm-up then
${DURATION} s measured, closed loop. Memory is the peak resident size of all
server processes; CPU is the server's CPU time over the measured seconds.

## Targets

| Target | Result | |
|---|---|---|
${checks.map((c) => `| ${c.name} | ${c.detail} | ${c.ok ? "✓" : "✗"} |`).join("\n")}

## DinnerParty on its own

**Realistic data** — ${small.users} users, ${small.parties} upcoming parties, ${small.rsvps} RSVPs (plus each host), ${runs.small.workers} workers, idle RSS ${runs.small.idleRssMb} MB:

${table([S.home, S.homeRendered, S.rsvp, S.rsvpRendered, S.api, S.invite, S.feed, S.writeQuiet, S.write, S.answerGoing, S.answerChanges, S.claim, S.login])}

RSVP writes: ${S.write.pairs} distinct (guest, party) pairs, each answered 201 — alternate ones with the hosts' answer mails off (Part 1's RSVP, before notifications), the rest with them on (each answer queues the host's mail in its transaction; the servers' senders write it out as it goes).
${answersNote(S)}
${claimsNote(S)}
One login at a time: p50 ${S.loginSingleP50} ms; one bcrypt compare at cost ${COST}: ${compareMs} ms.

**Ten times the data** — ${large.users} users, ${large.parties} parties, ${large.rsvps} RSVPs:

${table([L.home, L.homeRendered, L.rsvp, L.rsvpRendered, L.api, L.invite, L.feed, L.writeQuiet, L.write, L.answerGoing, L.answerChanges, L.claim, L.login])}

${answersNote(L)}
${claimsNote(L)}

**One worker instead of one per core** (realistic data):

${table([O.home, O.homeRendered, O.rsvp, O.rsvpRendered, O.api])}

Gain of ${runs.small.workers} workers over 1: home × ${round(S.home.rps / O.home.rps, 2)}, /rsvp × ${round(S.rsvp.rps / O.rsvp.rps, 2)}, /api/parties × ${round(S.api.rps / O.api.rps, 2)}.
wrk runs on the same cores: with one worker, the server and wrk each have
a core; with one per core they share them, so the gain measured here is
smaller than on a machine that serves only the app.

## Side by side with the Flask tutorial app

The shared harness (\`../shared/bench/load/run.mjs\`, wrk, 16 connections,
10 s) against both apps back to back, each on a fresh database seeded over
HTTP by the harness (200 users, 500 parties, ~1,500 guests). DinnerParty's
adapter is \`scripts/bench/harness-profile.mjs\`. One difference to keep in
mind: scenario b requests each app's logged-in list page — the tutorial's
renders all 500 parties at once, ours (\`/rsvp\`) the 20 soonest with a link to
the next ones, as people use it.

${sideTable}

${
  failed.length
    ? `## Not met yet

${failed.map((c) => `- ${c.name}: ${c.detail}`).join("\n")}

What bounds each scenario is below; a miss by a few per cent on the
ratios can be this machine's noise (±20–30 % between runs), so run again on
an idle machine before reading much into it.

`
    : ""
}## What limits each scenario

- **Anonymous home page and the signed-in party list** (/, /rsvp): the HTTP
  round trip and, for /rsvp, the session check. Both pages are the same for
  everyone who would see them alike, so each worker keeps the rendered page
  and answers from memory with a fresh CSP nonce: anonymous pages for 5 s,
  for visitors without a session ([decision 016](decisions/016-anonymous-page-cache.md)),
  /rsvp for up to 30 s per person, filed under the content version that database triggers
  move with every change to users, parties and guests, so it is never older
  than the data ([decision 018](decisions/018-signed-in-page-cache.md)). A
  hit on /rsvp still reads the session and the version (two indexed reads).
  The "rendered, no cache" rows are the same pages through the App Router
  every time — what a first view, or any page without a cache, costs; in the
  harness, each of its 200 users' first request to each worker is such a
  render.
- **Rendering** (the "rendered, no cache" rows, /parties/{id}, profiles):
  the server's CPU (see "server CPU": both cores busy). Each request is a
  fixed, small number of indexed queries whatever the data size
  (\`lib/parties/data.test.ts\` counts them), so ten times the data barely
  moves the latency: every list reads an index range (\`startsAt, id\`),
  never the table. Where the time goes, from CPU profiles of one worker
  (\`node --cpu-prof\`): the App Router's per-request work (proxy, React
  server components, then server rendering of their payload into HTML) is
  about 4 ms for a near-empty page on this machine and Node 20, plus about
  0.25 ms per party card. Prisma 6's query compiler added 0.3–1 ms per ORM
  call (it has no plan cache before Prisma 7.4), so the session lookup that
  starts every signed-in request and the party lists are plain SQL, and the
  session is read without Auth.js's internal request round
  ([decision 017](decisions/017-hot-path-queries.md)); building
  \`Intl.DateTimeFormat\` objects cost another 25 % of /rsvp until they were
  kept per locale and zone. The next step here is Next 16's Cache Components
  (\`"use cache"\` for the party cards, shared by viewers).
- **API reads** (/api/parties): the server's CPU; the JSON API skips the
  rendering and is several times cheaper than a rendered page.
- **RSVP writes and answers**: the database. SQLite has one writer at a time; each RSVP
  is one short \`BEGIN IMMEDIATE\` transaction (read, conditional UPDATE of the
  seat counter, INSERT) plus the per-user flood counter. Worker processes
  queue on the write lock (busy timeout), which is why writes gain less from
  a second worker than reads. PostgreSQL takes row locks instead and scales
  further. Since Part 2 every answer first locks its party's row (\`FOR UPDATE\`
  on PostgreSQL; SQLite's one writer already serialises) and reads the
  guest's answer after it, so a change of answer, a decline and the waitlist
  promotion it causes are one short transaction
  ([decision 022](decisions/022-guest-answers-and-waitlist.md)). The going
  scenario sends bursts at one table at a time, the worst case for that lock;
  on SQLite it costs nothing extra, since writes queue on the database anyway.
- **Memory**: a worker grows from ~170 MB idle to ~400 MB under load and
  stays there — five 15-second rounds of /rsvp at 16 connections on one
  worker ended at 402, 406, 429, 426 and 405 MB: V8 sizing its heap to the
  load, not a leak. Peak RSS above is the sum over all worker processes.
- **JSON login**: the password hash, by design. bcrypt at cost ${COST} is about
  ${compareMs} ms of CPU; with two cores the server cannot do much more than
  ${round(2000 / compareMs)} logins a second, whatever else it does. One login
  alone costs little more than its one compare.
`;
fs.writeFileSync(path.join(ROOT, "docs", "performance.md"), doc);
log("wrote docs/performance.md");

console.log(
  `bench: home ${S.home.rps} rps, /rsvp ${S.rsvp.rps} rps (p99 ${S.rsvp.p99} ms), /api/parties ${S.api.rps} rps, writes ${S.write.rps} rps, answers ${S.answerGoing.rps}/${S.answerChanges.rps} rps (${S.answerGoing.promotions} promotions), login ${S.login.rps} rps` +
    (ratios ? ` | vs Flask × ${ratios.home} home, × ${ratios.parties} list, × ${ratios.rsvp} writes` : "") +
    ` | ${checks.length - failed.length}/${checks.length} targets met${failed.length ? ` (missed: ${failed.map((c) => c.name).join("; ")})` : ""}`,
);

// Start the production app on a loopback port with a fresh database, for the
// scripts that need a running app (screenshots, lighthouse, bench).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./run.mjs";

export async function startApp({ port, database, env = {}, quiet = true, prepare, nodeArgs = [] }) {
  const { resetDatabase } = await import("./test-db.mjs");
  const url = database ?? `file:${path.join(ROOT, "var", `app-${port}.db`)}`;
  await resetDatabase(url);
  // e.g. seed the database before the server opens it
  if (prepare) await prepare(url);
  const child = spawn("node", [...nodeArgs, "server/index.mjs"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: url,
      AUTH_SECRET: process.env.AUTH_SECRET ?? "local-script-secret-0123456789abcdef",
      ...env,
    },
    stdio: quiet ? ["ignore", "ignore", "pipe"] : "inherit",
  });
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited early:\n${stderr}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the app did not start:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    pid: child.pid,
    databaseUrl: url,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      if (url.startsWith("file:")) {
        for (const s of ["", "-wal", "-shm"]) fs.rmSync(url.slice(5) + s, { force: true });
      }
    },
  };
}

/** A small JSON client that keeps one session cookie. */
export function client(base, { ip } = {}) {
  let cookie = "";
  return {
    async call(method, pathname, body) {
      const res = await fetch(base + pathname, {
        method,
        headers: {
          ...(body !== undefined && { "content-type": "application/json" }),
          ...(cookie && { cookie }),
          ...(ip && { "x-forwarded-for": ip }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const set = res.headers.getSetCookie().find((c) => /^(__Host-)?dp\.session=/.test(c));
      if (set) cookie = set.split(";")[0];
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    get cookie() {
      return cookie;
    },
  };
}

/** A few people and their parties, to show what the app looks like in use. */
export async function seedShowcase(base) {
  const people = ["amelia", "bruno", "chloe", "dev", "esme"].map((name) => ({
    username: name,
    email: `${name}@example.com`,
    password: `${name} loves long dinners`,
  }));
  const clients = {};
  for (const p of people) {
    const c = client(base);
    await c.call("POST", "/api/users", p);
    const login = await c.call("POST", "/api/users/login", { email: p.email, password: p.password });
    if (login.status !== 200) throw new Error(`seed login ${p.username}: ${login.status}`);
    clients[p.username] = c;
  }
  const day = 86_400_000;
  const at = (days, hour) => {
    const d = new Date(Date.now() + days * day);
    d.setUTCHours(hour, 30, 0, 0);
    return d.toISOString();
  };
  const parties = [
    [
      "amelia",
      { date: at(3, 18), venue: "The Oak Table, Clerkenwell", mainDish: "Slow-roast lamb with salsa verde", seats: 8 },
    ],
    ["bruno", { date: at(5, 19), venue: "Bruno's rooftop", mainDish: "Seafood paella", seats: 6 }],
    ["chloe", { date: at(8, 18), venue: "Chloe's kitchen", mainDish: "Mushroom risotto", seats: 4 }],
    ["amelia", { date: at(12, 19), venue: "Garden flat, Hackney", mainDish: "Tagine with apricots", seats: 10 }],
    ["dev", { date: at(15, 18), venue: "Dev's place", mainDish: "Butter chicken and naan", seats: 5 }],
  ];
  const ids = [];
  for (const [host, party] of parties) {
    const res = await clients[host].call("POST", "/api/parties", party);
    ids.push(res.body.id);
  }
  const rsvps = [
    ["bruno", 0],
    ["chloe", 0],
    ["dev", 0],
    ["esme", 0],
    ["amelia", 1],
    ["chloe", 1],
    ["esme", 1],
    ["amelia", 2],
    ["bruno", 2],
    ["dev", 2],
    ["esme", 3],
  ];
  for (const [who, i] of rsvps) await clients[who].call("POST", `/api/parties/${ids[i]}/rsvp`);
  return { people, clients, partyIds: ids };
}

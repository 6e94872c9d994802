// A throwaway PostgreSQL cluster on loopback, from Debian's packages, for the
// tests (scripts/test.mjs) and the benchmark. initdb refuses to run as root:
// as root, the cluster belongs to the `postgres` user.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { aptInstall } from "./run.mjs";

export function pgBinDir() {
  const base = "/usr/lib/postgresql";
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  if (!fs.existsSync(base)) return null;
  const versions = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, "bin", "initdb")));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], "bin") : null;
}

const isRoot = () => process.getuid?.() === 0;

/** Run a PostgreSQL binary, as the postgres user when we are root. */
function pgRun(bin, args) {
  const cmd = path.join(pgBinDir(), bin);
  const result = isRoot()
    ? spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", [cmd, ...args].map(quote).join(" ")], { encoding: "utf8" })
    : spawnSync(cmd, args, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${bin} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

const quote = (s) => `'${String(s).replaceAll("'", `'\\''`)}'`;

export function installPostgres() {
  if (pgBinDir()) return;
  aptInstall("postgresql");
}

/** @returns {{ dir: string, port: number, url: string }} */
export function startCluster({ port = 55432 } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dinnerparty-pg-"));
  if (isRoot()) execFileSync("chown", ["postgres", dir]);
  const data = path.join(dir, "data");
  pgRun("initdb", ["-D", data, "--auth=trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
  const cluster = { dir, port, url: `postgresql://postgres@127.0.0.1:${port}/postgres` };
  startServer(cluster);
  return cluster;
}

/** (Re)start the server of a cluster made by startCluster. */
export function startServer({ dir, port }) {
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  pgRun("pg_ctl", ["-D", path.join(dir, "data"), "-o", opts, "-l", path.join(dir, "log"), "-w", "start"]);
}

/** Stop the server, keeping the data (fast shutdown: sessions are cut). */
export function stopServer({ dir }) {
  pgRun("pg_ctl", ["-D", path.join(dir, "data"), "-m", "fast", "-w", "stop"]);
}

export function destroyCluster(cluster) {
  try {
    stopServer(cluster);
  } catch {
    // already stopped
  }
  fs.rmSync(cluster.dir, { recursive: true, force: true });
}

// Small helpers shared by the project scripts (no dependencies: they run
// before `npm ci` has installed anything).
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** Run a command, inheriting stdio; resolves with its exit code. */
export function run(cmd, args, { env = process.env, quiet = false, cwd = ROOT } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit" });
    let output = "";
    if (quiet) {
      child.stdout.on("data", (d) => (output += d));
      child.stderr.on("data", (d) => (output += d));
    }
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Run a command and stop the script if it fails. */
export async function must(cmd, args, options) {
  const { code, output } = await run(cmd, args, options);
  if (code !== 0) {
    if (output) process.stderr.write(output);
    throw new Error(`${cmd} ${args.join(" ")} failed with exit code ${code}`);
  }
  return output;
}

/** Install Debian packages (after `apt-get update`), through sudo unless root; throws if apt fails. */
export function aptInstall(...packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = (...args) =>
    process.getuid?.() === 0
      ? execFileSync("apt-get", args, { stdio: "inherit", env })
      : execFileSync("sudo", ["apt-get", ...args], { stdio: "inherit", env });
  apt("update", "-qq");
  apt("install", "-y", "-qq", ...packages);
}

/**
 * The same, without blocking: the test run installs Debian's packages while
 * `npm ci` runs. Quiet unless it fails. Installs only what is missing.
 */
export async function aptInstallMissing(packages) {
  const missing = packages.filter(([, installed]) => !installed()).map(([name]) => name);
  if (missing.length === 0) return [];
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const [cmd, prefix] = process.getuid?.() === 0 ? ["apt-get", []] : ["sudo", ["apt-get"]];
  const apt = (...args) => must(cmd, [...prefix, ...args], { env, quiet: true });
  console.log(`› Installing Debian's ${missing.join(", ")}…`);
  await apt("update", "-qq");
  await apt("install", "-y", "-qq", ...missing);
  return missing;
}

export function bin(name) {
  return path.join(ROOT, "node_modules", ".bin", name);
}

/**
 * Arguments of `prisma migrate diff` from one provider's migration history to
 * the shared models, then `output` ("--exit-code" to check, "--script" for the SQL).
 */
export function migrationsToModelsDiff(provider, output) {
  return [
    "migrate",
    "diff",
    "--from-migrations",
    `prisma/${provider}/migrations`,
    "--to-schema-datamodel",
    `prisma/${provider}`,
    output,
  ];
}

function walk(dir, out) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "generated" || entry.name === "node_modules") continue;
      walk(full, out);
    } else {
      out.push(full);
    }
  }
}

/** Everything the production build is made from. */
export function sourceFingerprint() {
  const files = [];
  // server/ too: the app imports server/shared.mjs and server/bridge.mjs.
  for (const dir of ["app", "components", "lib", "server", "public", "prisma"]) walk(path.join(ROOT, dir), files);
  for (const file of [
    "auth.ts",
    "proxy.ts",
    "instrumentation.ts",
    "next.config.mjs",
    "tsconfig.json",
    "package-lock.json",
  ]) {
    files.push(path.join(ROOT, file));
  }
  const hash = createHash("sha256");
  for (const file of files.sort()) {
    if (!fs.existsSync(file)) continue;
    hash.update(path.relative(ROOT, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

export function lockFingerprint() {
  return createHash("sha256")
    .update(fs.readFileSync(path.join(ROOT, "package-lock.json")))
    .digest("hex");
}

export const BUILD_STAMP = path.join(ROOT, ".next", "dinnerparty-source.sha256");
export const INSTALL_STAMP = path.join(ROOT, "node_modules", ".dinnerparty-lock.sha256");

export function readStamp(file) {
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    return null;
  }
}

/** `npm ci` unless node_modules already matches package-lock.json. */
export async function ensureInstalled() {
  if (readStamp(INSTALL_STAMP) === lockFingerprint()) return;
  console.log("› Installing dependencies (npm ci)…");
  await must("npm", ["ci", "--no-audit", "--no-fund"]);
  fs.writeFileSync(INSTALL_STAMP, lockFingerprint());
}

/** Whether the last production build was made from these very sources. */
export function builtFromSources() {
  return readStamp(BUILD_STAMP) === sourceFingerprint() && fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"));
}

/**
 * `next build`, then the stamp of the sources it was made from. The Prisma
 * clients must be there already (`npm run build` generates them first; the
 * test run generates them before starting this beside the linters).
 */
export async function nextBuild({ quiet = false, env = {} } = {}) {
  const fingerprint = sourceFingerprint();
  const output = await must(bin("next"), ["build"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    quiet,
  });
  fs.writeFileSync(BUILD_STAMP, fingerprint);
  return output;
}

/** `npm run build` unless the last build was made from these very sources. */
export async function ensureBuilt() {
  if (builtFromSources()) return;
  console.log("› Building the production app…");
  await must("npm", ["run", "build"]);
}

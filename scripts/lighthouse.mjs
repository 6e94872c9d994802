// npm run lighthouse — Lighthouse (mobile emulation, its default) on /,
// /login and /rsvp (logged in) of the production app, with Debian's
// chromium. Writes the scores to docs/lighthouse.md and fails below the
// targets: Accessibility 100, Best Practices ≥ 95, Performance ≥ 95, SEO ≥ 90.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import puppeteer from "puppeteer-core";
import { ensureBuilt, ensureInstalled, ROOT } from "./lib/run.mjs";
import { seedShowcase, startApp } from "./lib/app-server.mjs";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./lib/chromium.mjs";

const TARGETS = { accessibility: 100, "best-practices": 95, performance: 95, seo: 90 };
const NAMES = {
  performance: "Performance",
  accessibility: "Accessibility",
  "best-practices": "Best Practices",
  seo: "SEO",
};

await ensureInstalled();
await ensureBuilt();
const app = await startApp({ port: 3220, env: { RATE_LIMIT_SCALE: "100", WEB_CONCURRENCY: "1" } });
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", ...CHROMIUM_ARGS],
});
const rows = [];
let failed = false;
try {
  const { clients } = await seedShowcase(app.base);
  // Lighthouse drives a page of this browser, which holds the cookies.
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  const page = await browser.newPage();
  const [name, value] = clients.amelia.cookie.split("=");
  const pages = [
    ["/", false],
    ["/login", false],
    ["/rsvp", true],
  ];
  for (const [pathname, loggedIn] of pages) {
    await browser.deleteCookie(...(await browser.cookies()));
    if (loggedIn) {
      await browser.setCookie(
        { name, value, domain: "127.0.0.1", path: "/", httpOnly: true },
        { name: "dp.tz", value: "Europe/London", domain: "127.0.0.1", path: "/", httpOnly: true },
      );
    }
    // A first visit warms the server; the second one is measured.
    await fetch(app.base + pathname, { headers: loggedIn ? { cookie: clients.amelia.cookie } : {} });
    const { lhr } = await lighthouse(
      app.base + pathname,
      { port: chrome.port, output: "json", logLevel: "error", onlyCategories: Object.keys(NAMES) },
      undefined,
      page,
    );
    const scores = Object.fromEntries(
      Object.keys(NAMES).map((k) => [k, Math.round((lhr.categories[k]?.score ?? 0) * 100)]),
    );
    const misses = Object.keys(NAMES).filter((k) => scores[k] < TARGETS[k]);
    if (misses.length) {
      failed = true;
      for (const k of misses) {
        const audits = lhr.categories[k].auditRefs
          .map((r) => lhr.audits[r.id])
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative");
        console.log(
          `✗ ${pathname} ${NAMES[k]} ${scores[k]}: ${audits.map((a) => `${a.id} (${a.displayValue ?? a.score})`).join(", ")}`,
        );
      }
    }
    const weak = lhr.categories["best-practices"].auditRefs
      .map((r) => lhr.audits[r.id])
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary");
    if (weak.length)
      console.log(
        `  (${pathname} best practices: ${weak.map((a) => `${a.id} ${JSON.stringify(a.details?.items ?? []).slice(0, 600)}`).join(", ")})`,
      );
    if (lhr.finalDisplayedUrl !== app.base + pathname) console.log(`  (${pathname} ended at ${lhr.finalDisplayedUrl})`);
    rows.push({
      pathname,
      scores,
      lcp: lhr.audits["largest-contentful-paint"]?.displayValue,
      tbt: lhr.audits["total-blocking-time"]?.displayValue,
    });
    console.log(
      `› ${pathname}: ${Object.entries(scores)
        .map(([k, v]) => `${NAMES[k]} ${v}`)
        .join(", ")}`,
    );
  }
  await browser.disconnect();
} finally {
  await chrome.kill();
  await app.stop();
}

const table = [
  "| Page | Performance | Accessibility | Best Practices | SEO | LCP | TBT |",
  "|---|---|---|---|---|---|---|",
  ...rows.map(
    (r) =>
      `| \`${r.pathname}\` | ${r.scores.performance} | ${r.scores.accessibility} | ${r.scores["best-practices"]} | ${r.scores.seo} | ${r.lcp} | ${r.tbt} |`,
  ),
];
const doc = `# Lighthouse

Measured ${new Date().toISOString().slice(0, 10)} with \`npm run lighthouse\`: Lighthouse ${lighthouseVersion()}
in mobile emulation (its default: a mid-range phone, simulated slow 4G and
4× CPU slowdown), Debian's Chromium, against the production build served by
\`server/index.mjs\` on loopback, on ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}). \`/rsvp\` is measured
logged in, with a handful of parties.

Targets: Accessibility 100, Best Practices ≥ 95, Performance ≥ 95, SEO ≥ 90.

${table.join("\n")}
`;
fs.writeFileSync(path.join(ROOT, "docs", "lighthouse.md"), doc);
console.log("› docs/lighthouse.md");

function lighthouseVersion() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", "lighthouse", "package.json"), "utf8")).version;
}
process.exit(failed ? 1 : 0);

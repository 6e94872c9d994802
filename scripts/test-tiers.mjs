// npm run test:tiers — what the full tier runs that the fast tier does not,
// test by test, as the Markdown of docs/testing.md's last section. Reads
// Playwright's own list of each configuration (playwright.config.ts decides),
// so it can never disagree with what runs. Starts nothing.
import { bin, ROOT, run } from "./lib/run.mjs";

/** The tests Playwright would run in one tier on one database, as "project › file › title". */
async function listed(tier, provider, suite = "") {
  const env = {
    ...process.env,
    TEST_TIER: tier,
    E2E_SUITE: suite,
    E2E_INSTANCES: "",
    TEST_DATABASE_URL: "",
    E2E_FAULTS_CLUSTER: "",
  };
  if (provider === "postgresql") {
    // Only read, never dialled: --list connects to nothing.
    Object.assign(env, {
      TEST_DATABASE_URL: "postgresql://list@127.0.0.1:1/list",
      E2E_INSTANCES: "1",
      E2E_FAULTS_CLUSTER: JSON.stringify({ url: "postgresql://list@127.0.0.1:2/list" }),
    });
  }
  const { code, output } = await run(bin("playwright"), ["test", "--list", "--reporter=json"], {
    env,
    quiet: true,
    cwd: ROOT,
  });
  if (code !== 0) throw new Error(output);
  const report = JSON.parse(output.slice(output.indexOf("{")));
  const out = [];
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const tags = spec.tags?.length ? ` (${spec.tags.map((t) => `@${t.replace(/^@/, "")}`).join(" ")})` : "";
        out.push(`${test.projectName} › ${spec.file} › ${[...titles, spec.title].join(" › ")}${tags}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, suite.file === child.file ? [...titles, child.title] : []);
  };
  for (const suite of report.suites) walk(suite, []);
  return out.sort();
}

const lines = ["<!-- made by `npm run test:tiers`: run it again after changing a tag or a project -->", ""];
for (const [provider, label] of [
  ["postgresql", "PostgreSQL"],
  ["sqlite", "SQLite"],
]) {
  const fast = new Set(await listed("fast", provider));
  // The quiet suite runs in the full tier only.
  const full = [...(await listed("full", provider)), ...(await listed("full", provider, "quiet"))];
  const left = full.filter((t) => !fast.has(t));
  lines.push(`### e2e on ${label}: ${left.length} of ${full.length} in the full tier only`, "");
  let file = "";
  for (const t of left) {
    const [project, spec, ...title] = t.split(" › ");
    if (`${project} ${spec}` !== file) {
      file = `${project} ${spec}`;
      lines.push(`- **${project}**, \`${spec}\``);
    }
    lines.push(`  - ${title.join(" › ")}`);
  }
  lines.push("");
}
console.log(lines.join("\n"));

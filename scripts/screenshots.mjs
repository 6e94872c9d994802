// npm run screenshots — pictures of the real app for the README, on a phone
// (390×844) and a desktop (1280×800), from a fresh database with a few
// people and parties. Writes docs/screenshots/*.png.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { ensureBuilt, ensureInstalled, ROOT } from "./lib/run.mjs";
import { seedShowcase, startApp } from "./lib/app-server.mjs";

await ensureInstalled();
await ensureBuilt();
const app = await startApp({ port: 3210, env: { RATE_LIMIT_SCALE: "100" } });
const out = path.join(ROOT, "docs", "screenshots");
fs.mkdirSync(out, { recursive: true });
try {
  const { people, clients, partyIds } = await seedShowcase(app.base);
  const browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const devices = {
    phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
    desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  };
  for (const [device, options] of Object.entries(devices)) {
    const context = await browser.newContext({
      ...options,
      baseURL: app.base,
      locale: "en-GB",
      timezoneId: "Europe/London",
      colorScheme: "light",
    });
    await context.addCookies([{ name: "dp.tz", value: "Europe/London", url: app.base }]);
    const page = await context.newPage();
    const shoot = async (name, fullPage = false) => {
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: path.join(out, `${name}-${device}.png`), fullPage });
      console.log(`› docs/screenshots/${name}-${device}.png`);
    };
    await page.goto("/");
    await shoot("home");
    await page.goto("/login");
    await shoot("login");
    const [session] = clients.amelia.cookie.split("=");
    await context.addCookies([
      { name: session, value: clients.amelia.cookie.slice(session.length + 1), url: app.base },
    ]);
    await page.goto("/rsvp");
    await shoot("rsvp");
    await page.goto(`/parties/${partyIds[1]}`);
    await shoot("party");
    await page.goto(`/user/${people[0].username}`);
    await shoot("profile");
    await context.close();
  }
  await browser.close();
} finally {
  await app.stop();
}

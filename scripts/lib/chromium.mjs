// Debian's chromium, as these machines can run it: the browser tests, the
// screenshots and Lighthouse all start it with these flags. Without the
// background-networking ones it keeps dialling Google's hosts, which a closed
// network refuses; as root it needs --no-sandbox.
import fs from "node:fs";

/** PLAYWRIGHT_CHROMIUM_PATH, else Debian's chromium when installed. */
export const CHROMIUM_PATH =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

// Renders the app icon (app/icon.svg) to the PNG sizes phones want, with
// Debian's chromium. Run after changing the icon; the PNGs are committed.
//   node scripts/make-icons.mjs
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { ROOT } from "./lib/run.mjs";

const svg = fs.readFileSync(path.join(ROOT, "app", "icon.svg"), "utf8");
const targets = [
  { file: "public/icons/icon-192.png", size: 192, maskable: false },
  { file: "public/icons/icon-512.png", size: 512, maskable: false },
  // Maskable: the artwork inside the central 80% safe zone, on the brand colour.
  { file: "public/icons/maskable-512.png", size: 512, maskable: true },
  { file: "app/apple-icon.png", size: 180, maskable: true },
];

const browser = await chromium.launch({
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const page = await browser.newPage();
for (const { file, size, maskable } of targets) {
  await page.setViewportSize({ width: size, height: size });
  const inner = maskable ? Math.round(size * 0.8) : size;
  await page.setContent(
    `<html><body style="margin:0;background:${maskable ? "#a8321f" : "transparent"};display:grid;place-items:center;width:${size}px;height:${size}px">
      <div style="width:${inner}px;height:${inner}px">${svg.replace("<svg ", `<svg width="${inner}" height="${inner}" `)}</div></body></html>`,
  );
  await page.screenshot({ path: path.join(ROOT, file), omitBackground: !maskable });
  console.log(`› ${file}`);
}
await browser.close();

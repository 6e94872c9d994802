// A real SMTP server on loopback for the end-to-end runs (smtp-server): the
// app servers send to it through SMTP_URL exactly as to a real one, and each
// mail that arrives is written as an .eml file into `dir`, where the tests
// read it (e2e/support/mail.ts). Started and stopped by scripts/test.mjs.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

/** @param {string} dir @returns {Promise<{ url: string, close: () => Promise<void> }>} */
export async function startMailCatcher(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      /** @type {Buffer[]} */
      const chunks = [];
      stream.on("data", (chunk) => chunks.push(chunk));
      stream.on("end", () => {
        // The recipients in the name: a test looking for its mails parses only those.
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase().replace(/[^a-z0-9._@+-]/g, "_"));
        const name = `${Date.now()}-${randomBytes(4).toString("hex")}-${to.join(",").slice(0, 200)}`;
        // Written whole, then renamed: a reader never sees half a mail.
        fs.writeFileSync(path.join(dir, `${name}.tmp`), Buffer.concat(chunks));
        fs.renameSync(path.join(dir, `${name}.tmp`), path.join(dir, `${name}.eml`));
        callback();
      });
    },
  });
  const port = await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () =>
      resolve(/** @type {import("node:net").AddressInfo} */ (server.server.address()).port),
    );
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

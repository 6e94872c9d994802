import "server-only";

// The app's settings: one zod schema of the environment (server/config.mjs),
// checked when the server starts; here, read once and typed. The rest of the
// code asks `config()` and never reads process.env.
export { config } from "@/server/shared.mjs";

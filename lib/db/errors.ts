// Recognise database failures that mean "the database is away", as opposed to
// a bug: those become 503 answers, and the app recovers when it comes back.

const UNAVAILABLE_CODES = new Set([
  "DATABASE_UNAVAILABLE", // lib/db/health.ts
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
  "P1001", // Prisma: can't reach database server
  "P1017", // Prisma: server closed the connection
  "SQLITE_BUSY",
  // Prisma driver-adapter error kinds
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 6; depth++) {
    if (typeof e !== "object") return false;
    const o = e as { code?: unknown; cause?: unknown; message?: unknown; kind?: unknown };
    if (typeof o.code === "string" && UNAVAILABLE_CODES.has(o.code)) return true;
    if (typeof o.kind === "string" && UNAVAILABLE_CODES.has(o.kind)) return true;
    if (
      typeof o.message === "string" &&
      /ECONNREFUSED|Connection terminated|connection (?:is )?closed|database is locked|terminating connection/i.test(
        o.message,
      )
    ) {
      return true;
    }
    e = o.cause;
  }
  return false;
}

/** Unique-constraint violation (Prisma P2002), e.g. a taken username. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

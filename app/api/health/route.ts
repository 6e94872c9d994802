import { pingDatabase } from "@/lib/db/probes";
import { apiRoute, errorJson, json, methodNotAllowed } from "@/lib/http/api";
import { bridge } from "@/server/bridge.mjs";

// For load balancers and the test harness: 200 when this instance can reach
// its database, 503 while it is away (apiRoute) or while this instance is
// shutting down (the server sets the flag on SIGTERM).
export const GET = apiRoute(async () => {
  if (bridge().stopping) {
    return errorJson(503, "Shutting down.", undefined, { "Retry-After": "5" });
  }
  await pingDatabase();
  return json({ status: "ok" });
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");

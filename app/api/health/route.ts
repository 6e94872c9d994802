import { db } from "@/lib/db";
import { apiRoute, json } from "@/lib/http/api";

// For load balancers and the test harness: 200 when this instance can reach
// its database, 503 (via apiRoute) when it cannot.
export const GET = apiRoute(async () => {
  await db.$queryRaw`SELECT 1`;
  return json({ status: "ok" });
});

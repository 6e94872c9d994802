import * as z from "zod/mini";
import { requireApiUser } from "@/lib/auth/loaders";
import { apiRoute, ApiError, json, methodNotAllowed, readJson, tooMany } from "@/lib/http/api";
import { toApiParty } from "@/lib/parties/api";
import { decodeCursor, listUpcoming } from "@/lib/parties/data";
import { createParty, partyCreationAllowed } from "@/lib/parties/mutations";
import { partyApiCreateSchema } from "@/lib/parties/schema";
import { tooOftenMessage } from "@/lib/rate-limit/messages";
import "@/lib/zod";

const listQuery = z.object({
  cursor: z.optional(z.string().check(z.maxLength(64))),
  limit: z._default(
    z.pipe(
      z.string().check(z.regex(/^\d{1,3}$/)),
      z.pipe(
        z.transform((s: string) => Number(s)),
        z.int().check(z.minimum(1), z.maximum(100)),
      ),
    ),
    20,
  ),
});

export const GET = apiRoute(async (req) => {
  const user = await requireApiUser();
  const query = z.safeParse(listQuery, Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) throw new ApiError(400, "Invalid query: limit is 1–100.");
  const cursor = query.data.cursor ? decodeCursor(query.data.cursor) : null;
  if (query.data.cursor && !cursor) throw new ApiError(400, "Invalid cursor.");
  const page = await listUpcoming({ cursor, limit: query.data.limit, viewerId: user.id });
  return json({ parties: page.parties.map(toApiParty), nextCursor: page.nextCursor });
});

export const POST = apiRoute(async (req) => {
  const user = await requireApiUser();
  const input = await readJson(req, partyApiCreateSchema);
  const allowed = await partyCreationAllowed(user.id);
  if (!allowed.ok) throw tooMany(tooOftenMessage(allowed.retryAfter), allowed.retryAfter);
  const { date, ...fields } = input;
  const created = await createParty(user.id, { ...fields, startsAt: date });
  return json(toApiParty(created), 201);
});

export const { PUT, PATCH, DELETE } = methodNotAllowed("GET, POST");

import { cookies } from "next/headers";
import * as z from "zod/mini";
import { apiRoute, methodNotAllowed, noContent, readJson } from "@/lib/http/api";
import { cookieName, cookieOptions, TIME_ZONE_COOKIE } from "@/server/shared.mjs";
import { isHttpsFrom } from "@/lib/http/request";
import { isValidTimeZone } from "@/lib/time";
import { getCurrentUser } from "@/lib/auth/loaders";
import { saveTimeZone } from "@/lib/sessions/mutations";
import "@/lib/zod";

const body = z.object({
  timeZone: z.string().check(z.maxLength(64), z.refine(isValidTimeZone, "Not an IANA time zone.")),
});

// The browser tells us its time zone once (components/time-zone-sync.tsx);
// pages then render dates in it. An HttpOnly cookie, like all of ours; for
// someone signed in, kept on the account too, for the dates in their mail.
export const POST = apiRoute(async (req) => {
  const { timeZone } = await readJson(req, body);
  const user = await getCurrentUser();
  if (user) await saveTimeZone(user.id, timeZone);
  const https = isHttpsFrom(req.headers);
  (await cookies()).set(cookieName(TIME_ZONE_COOKIE, https), timeZone, {
    ...cookieOptions(https),
    maxAge: 365 * 24 * 60 * 60,
  });
  return noContent();
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");

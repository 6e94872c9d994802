import { NextResponse } from "next/server";
import { apiRoute, ApiError, json, methodNotAllowed } from "@/lib/http/api";
import { unsubscribed, UNSUBSCRIBE_LINK_INVALID } from "@/lib/notifications/messages";
import { unsubscribe } from "@/lib/notifications/mutations";

type Ctx = { params: Promise<{ token: string }> };

/**
 * RFC 8058 one-click unsubscribe: the address in each notification mail's
 * List-Unsubscribe header. Mail apps post `List-Unsubscribe=One-Click` here,
 * with no session and no CSRF token: the signed token is the permission, and
 * all it can do is turn one kind of mail off. Any body is accepted.
 */
export const POST = apiRoute<Ctx>(async (_req, { params }) => {
  const { token } = await params;
  const result = await unsubscribe(token.slice(0, 200));
  if (result.status !== "ok") throw new ApiError(404, UNSUBSCRIBE_LINK_INVALID);
  return json({ message: unsubscribed(result.kind), kind: result.kind });
});

/**
 * A person who opens the header's address: the page with the button, on
 * whatever site they opened it on — a relative address, never the server's
 * own idea of its name (http://localhost:PORT behind a proxy).
 */
export const GET = apiRoute<Ctx>(async (_req, { params }) => {
  const { token } = await params;
  return new NextResponse(null, { status: 303, headers: { Location: `/unsubscribe/${encodeURIComponent(token)}` } });
});

export const { PUT, PATCH, DELETE } = methodNotAllowed("GET, POST");

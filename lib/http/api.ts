import "server-only";
import { NextResponse } from "next/server";
import * as z from "zod/mini";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import type { FieldErrors } from "@/lib/form-state";
import { fieldErrors, type Output, type Schema } from "@/lib/zod";
import { MAX_API_BODY_BYTES } from "@/server/shared.mjs";

// The JSON API's conventions in one place: every answer is JSON and never
// cached; every error is { message, errors? }; bodies must be JSON and small;
// anything unexpected becomes a plain 500 (or 503 while the database is
// away) without a stack trace.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

const NO_STORE = { "Cache-Control": "no-store" };

export function json(body: unknown, status = 200, headers?: Record<string, string>): NextResponse {
  return NextResponse.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

export function noContent(): NextResponse {
  return new NextResponse(null, { status: 204, headers: NO_STORE });
}

export function errorJson(
  status: number,
  message: string,
  errors?: FieldErrors,
  headers?: Record<string, string>,
): NextResponse {
  return json(errors ? { message, errors } : { message }, status, headers);
}

/** 429 with Retry-After, when a rate limit refused the call. */
export function tooMany(message: string, retryAfter: number): ApiError {
  return new ApiError(429, message, undefined, { "Retry-After": String(retryAfter) });
}

export function unauthorized(): ApiError {
  return new ApiError(401, "Unauthorized");
}

const isJsonType = (type: string | null) => /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type ?? "");
const notJson = () => new ApiError(415, "Request body must be JSON (Content-Type: application/json).");

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "Request body is not valid JSON.");
  }
}

/** Read and validate a JSON body: 415 if not JSON, 413 if too big, 400 if malformed or invalid. */
export async function readJson<S extends Schema>(req: Request, schema: S): Promise<Output<S>> {
  if (!isJsonType(req.headers.get("content-type"))) throw notJson();
  const body = parseJson(await readText(req, MAX_API_BODY_BYTES));
  const parsed = z.safeParse(schema, body);
  if (!parsed.success) throw new ApiError(400, "Invalid input.", fieldErrors(parsed.error));
  return parsed.data;
}

/** For calls whose body may be left out: no body reads as `{}`; a body must be JSON matching `schema`. */
export async function readOptionalJson<S extends Schema>(req: Request, schema: S): Promise<Output<S>> {
  const text = await readText(req, MAX_API_BODY_BYTES);
  if (text.trim() !== "" && !isJsonType(req.headers.get("content-type"))) throw notJson();
  const parsed = z.safeParse(schema, text.trim() === "" ? {} : parseJson(text));
  if (!parsed.success) throw new ApiError(400, "Invalid input.", fieldErrors(parsed.error));
  return parsed.data;
}

/** For calls that take no input: a body is allowed only if it is (small) JSON. */
export async function ignoreJsonBody(req: Request): Promise<void> {
  const text = await readText(req, MAX_API_BODY_BYTES);
  if (text.trim() === "") return;
  if (!isJsonType(req.headers.get("content-type"))) throw notJson();
  parseJson(text);
}

async function readText(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  const tooLarge = () => new ApiError(413, `Request body is larger than ${limit} bytes.`);
  if (declared > limit) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

/** Wraps a route handler so every failure is a JSON answer. */
export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    try {
      return await handler(req, ctx);
    } catch (error) {
      if (error instanceof ApiError) {
        return errorJson(error.status, error.message, error.errors, error.headers);
      }
      if (isDatabaseUnavailable(error)) {
        return errorJson(503, "The service is temporarily unavailable. Please try again shortly.", undefined, {
          "Retry-After": "5",
        });
      }
      console.error(error);
      return errorJson(500, "Something went wrong. Please try again.");
    }
  };
}

/** Handlers answering 405 JSON for the methods a route does not serve. */
export function methodNotAllowed(allow: string) {
  const handler = async () => errorJson(405, "Method not allowed.", undefined, { Allow: allow });
  return { GET: handler, POST: handler, PUT: handler, PATCH: handler, DELETE: handler };
}

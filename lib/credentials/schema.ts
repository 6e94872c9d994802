// The rule of an email as typed, shared by the login form (lib/auth) and the
// account forms (lib/users), which add the address format on top.
import * as z from "zod/mini";
import "@/lib/zod";
import { isPlainLine } from "@/lib/text";
import { EMAIL_MAX } from "./bounds";

/** An email as typed: trimmed, lower-cased, present, not too long, and text (it keys the login throttle). */
export const emailTextSchema = z
  .string({ error: "Enter your email address." })
  .check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(1, "Enter your email address."),
    z.maxLength(EMAIL_MAX, "Email address is too long."),
    z.refine(isPlainLine, "Enter a valid email address."),
  );

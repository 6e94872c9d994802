// zod, configured once; every schema module (lib/<domain>/schema.ts) imports
// this file first.
//
// - Schemas use zod/mini (`import * as z from "zod/mini"` in each module, so
//   the bundler keeps only what is used): the same validation core with a
//   functional API. The form schemas run in the browser too.
// - jitless: zod compiles object parsers with `new Function` when it may; our
//   Content-Security-Policy forbids eval, and merely probing for it reports a
//   violation in the browser.
import { config } from "zod/mini";
import type * as core from "zod/v4/core";
import type { FieldErrors } from "./form-state";

config({ jitless: true });

export type Schema = core.$ZodType;
export type Output<S extends Schema> = core.output<S>;
export type Input<S extends Schema> = core.input<S>;
export type ZodError = core.$ZodError;

/** zod issues → { field: [messages] }; issues about the whole input go under "_". */
export function fieldErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

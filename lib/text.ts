// What every text a person types must be before it is stored: the rules for
// a field's *characters*, shared by every schema (its length and wording stay
// with the domain). A value that breaks one is refused with a field error,
// never stored, never a 500.
//
// - Well-formed: JSON can carry a lone UTF-16 surrogate ("\ud800"), which no
//   database encoding can store faithfully.
// - NFC: "é" typed as e + combining accent and as one character are the same
//   text, so they compare, count and sort the same.
// - No C0/C1 control characters (a line break only where a field is multi-line):
//   they render as nothing, or break the logs and files the text is copied into.
// - No bidirectional embeddings, overrides or isolates (U+202A–U+202E,
//   U+2066–U+2069): "\u202eevil" shows as "live" and can disguise a venue.
// - A required field must show something: only spaces, zero-width or other
//   invisible characters count as empty ("Enter the venue.").
import * as z from "zod/mini";
import "@/lib/zod";

const LONE_SURROGATE = /\p{Cs}/u;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_BUT_LINE_BREAK = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
// Whitespace, format characters (zero-width space/joiners, word joiner, BOM,
// soft hyphen, direction marks) and the blank-looking fillers.
const INVISIBLE = /[\p{White_Space}\p{Cf}\u034f\u115f\u1160\u2800\u3164\uffa0]/gu;

export function isWellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

/** Whether `s` is text a person could have typed on one line: well-formed, no control characters. */
export function isPlainLine(s: string): boolean {
  return isWellFormed(s) && !CONTROL.test(s);
}

/** Whether nothing in `s` would be visible on the page. */
export function isInvisible(s: string): boolean {
  return s.replace(INVISIBLE, "") === "";
}

export type TextRules = {
  /** the field as the messages name it: "venue", "main dish" */
  label: string;
  /** refuse a value that shows nothing, with this message */
  required?: string;
  /** keep line breaks (normalised to "\n") */
  multiline?: boolean;
};

/** The character rules as zod checks, for `z.string().check(...textChecks(...), length checks)`. */
export function textChecks({ label, required, multiline = false }: TextRules) {
  const checks = [
    z.refine<string>((s) => isWellFormed(s), {
      message: `The ${label} contains a character that is not valid text. Please type it again.`,
    }),
    z.normalize("NFC"),
    ...(multiline ? [z.overwrite((s: string) => s.replace(/\r\n?/g, "\n"))] : []),
    z.trim(),
    z.refine<string>((s) => !(multiline ? CONTROL_BUT_LINE_BREAK : CONTROL).test(s), {
      message: multiline
        ? `The ${label} cannot contain control characters other than line breaks.`
        : `The ${label} cannot contain control characters or line breaks.`,
    }),
    z.refine<string>((s) => !BIDI_CONTROL.test(s), {
      message: `The ${label} cannot contain text-direction override characters.`,
    }),
  ];
  if (required) checks.push(z.refine<string>((s) => !isInvisible(s), required));
  return checks;
}

import { LinkifyIt } from "linkify-it";

// The links in plain text a person typed (a party's details), found by
// linkify-it (markdown-it's matcher: fuzzy "example.com" links, e-mail
// addresses, trailing punctuation left out) rather than a regex of our own.
// Only web and mail links become links: whatever else a text spells
// ("javascript:…") stays text.

const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true });
const SAFE = /^(https?:|mailto:)/i;

export type Segment = { text: string; href?: string };

/** `text` cut into plain runs and links, in order; joined, the runs' text is `text` again. */
export function linkSegments(text: string): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const m of linkify.match(text) ?? []) {
    if (!SAFE.test(m.url)) continue;
    if (m.index > at) out.push({ text: text.slice(at, m.index) });
    out.push({ text: m.raw, href: m.url });
    at = m.lastIndex;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

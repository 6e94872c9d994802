import { linkSegments } from "@/lib/links";

/**
 * A party's details as the host typed them: plain text, never HTML — React
 * escapes every run — with the line breaks kept (CSS pre-line) and web and
 * mail links made clickable. `ugc nofollow`: the link is the host's, not ours.
 */
export function PartyDetails({ text }: { text: string }) {
  if (!text) return null;
  return (
    <section className="party-details" aria-labelledby="details-heading">
      <h2 id="details-heading">Details</h2>
      <LinkedText text={text} />
    </section>
  );
}

/** Text the host typed (details, a message to the guests), line breaks kept, links clickable. */
export function LinkedText({ text }: { text: string }) {
  return (
    <p className="party-details-text">
      {linkSegments(text).map((s, i) =>
        s.href ? (
          <a key={i} href={s.href} rel="noopener nofollow ugc">
            {s.text}
          </a>
        ) : (
          s.text
        ),
      )}
    </p>
  );
}

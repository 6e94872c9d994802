import type { PartyDietary } from "@/lib/dietary/data";
import { countsLine, NEED_LABELS } from "@/lib/dietary/messages";
import type { GuestListEntry } from "@/lib/parties/data";

/**
 * The host's "Dietary needs": counts per need over the going guests who
 * share them, each of those guests with their needs, and the notes going
 * guests left with their answers. Rendered for the host only; the read
 * behind it answers nothing to anyone else (lib/dietary/data.ts).
 */
export function DietarySummary({ dietary, guests }: { dietary: PartyDietary; guests: GuestListEntry[] }) {
  const line = countsLine(dietary.counts);
  const notes = guests.filter((g) => g.response === "going" && g.note);
  return (
    <section aria-labelledby="dietary-heading" className="dietary-section">
      <h2 id="dietary-heading">Dietary needs</h2>
      {line ? <p className="dietary-counts">{line}</p> : null}
      {dietary.guests.length === 0 ? (
        <p className="muted">No going guest has shared dietary needs.</p>
      ) : (
        <ul className="dietary-guests" aria-label="Dietary needs of the guests">
          {dietary.guests.map((g) => (
            <li key={g.username}>
              <strong>{g.username}</strong>
              {g.needs.length > 0 && `: ${g.needs.map((n) => NEED_LABELS[n]).join(", ")}`}
              {g.other && (
                <>
                  <br />
                  <span className="muted">Other needs: {g.other}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {notes.length > 0 && (
        <>
          <h3 id="dietary-notes-heading">Notes from going guests</h3>
          <ul className="dietary-guests" aria-labelledby="dietary-notes-heading">
            {notes.map((g) => (
              <li key={g.username}>
                <strong>{g.username}</strong>: {g.note}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

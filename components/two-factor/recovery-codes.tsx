/**
 * Ten recovery codes, shown once: a list to copy and a text file to keep.
 * The file is a data: link made here — no request, nothing stored.
 */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const file = `DinnerParty recovery codes — each works once.\n\n${codes.join("\n")}\n`;
  return (
    <section aria-labelledby="recovery-codes-heading" className="recovery-codes">
      <h2 id="recovery-codes-heading">Your recovery codes</h2>
      <p>
        Each code logs you in once if you lose your phone. They are shown only now: copy them or download them, and keep
        them somewhere safe — a password manager, or on paper.
      </p>
      <ol className="recovery-code-list" aria-label="Recovery codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <p>
        <a
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`}
          download="dinnerparty-recovery-codes.txt"
          className="download-link"
        >
          Download recovery codes
        </a>
      </p>
    </section>
  );
}

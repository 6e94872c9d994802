/** Disabled while the form is being sent, so a double click sends it once. */
export function SubmitButton({ pending, children }: { pending: boolean; children: string }) {
  return (
    <button type="submit" className="button button-primary" disabled={pending} aria-busy={pending || undefined}>
      {children}
    </button>
  );
}

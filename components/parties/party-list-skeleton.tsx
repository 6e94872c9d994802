/** Shown while a list of parties loads: the shape of what is coming. */
export function PartyListSkeleton({ label, count = 3 }: { label: string; count?: number }) {
  return (
    <div className="party-list party-list-skeleton" aria-busy="true">
      <span className="visually-hidden">Loading {label.toLowerCase()}…</span>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="party-card skeleton-card" aria-hidden="true">
          <div className="skeleton-line skeleton-short" />
          <div className="skeleton-line skeleton-title" />
          <div className="skeleton-line" />
          <div className="skeleton-line" />
        </div>
      ))}
    </div>
  );
}

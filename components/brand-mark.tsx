/** The DinnerParty plate, knife and fork (also app/icon.svg). Decorative. */
export function BrandMark() {
  return (
    <svg className="brand-mark" viewBox="0 0 64 64" width="28" height="28" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="var(--color-accent)" />
      <circle cx="32" cy="34" r="17" fill="none" stroke="var(--color-bg)" strokeWidth="4" />
      <circle cx="32" cy="34" r="9" fill="var(--color-bg)" />
      <path
        d="M10 14v14M14 14v14M12 28v24M54 14c-4 3-5 9-5 14h5v24"
        stroke="var(--color-bg)"
        strokeWidth="3"
        fill="none"
        strokeLinecap="round"
      />
    </svg>
  );
}

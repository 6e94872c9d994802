"use client";

import { useState } from "react";
import { useHydrated } from "./use-hydrated";

/**
 * Copying a field's text to the clipboard: `copy(text)` writes it, or — with
 * no clipboard (an insecure origin, a refused permission) — selects the field
 * (`fieldId`, an input or a textarea) for copying by hand. `status` says
 * which, for a polite live region.
 */
export function useCopy(fieldId: string, what: string) {
  const [status, setStatus] = useState("");
  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(`${what.charAt(0).toUpperCase()}${what.slice(1)} copied.`);
    } catch {
      const field = document.getElementById(fieldId) as HTMLInputElement | HTMLTextAreaElement | null;
      field?.select();
      setStatus(`Press Ctrl+C (or ⌘C) to copy the selected ${what}.`);
    }
  }
  return { copy, status };
}

/**
 * "Copy" under a read-only field, shown once the page runs: without
 * JavaScript the field's text is there to select and copy by hand.
 */
export function CopyButton({
  text,
  fieldId,
  what,
  label = "Copy",
}: {
  text: string;
  fieldId: string;
  /** what is copied, for the status: "key" → "Key copied." */
  what: string;
  label?: string;
}) {
  const hydrated = useHydrated();
  const { copy, status } = useCopy(fieldId, what);
  return (
    <>
      {hydrated && (
        <div className="actions">
          <button type="button" className="button" onClick={() => copy(text)}>
            {label}
          </button>
        </div>
      )}
      <CopyStatus status={status} />
    </>
  );
}

/** What the last copy did, announced — but not a role="status": that role is the page's flash message. */
export function CopyStatus({ status }: { status: string }) {
  return (
    <p aria-live="polite" className="field-hint">
      {status}
    </p>
  );
}

import { takeFlash } from "@/lib/flash/mutations";

/**
 * The one-shot message left by the action that redirected here. Reading it
 * deletes it, so a reload does not show it again — which is why it belongs in
 * the page that is shown (PageHeader), never in a layout or in not-found.tsx,
 * which Next.js renders ahead of time as fallbacks.
 */
export async function FlashMessage() {
  const flash = await takeFlash();
  if (!flash) return null;
  const error = flash.kind === "error";
  return (
    <p role={error ? "alert" : "status"} className={`notice ${error ? "notice-error" : "notice-success"} flash`}>
      {flash.message}
    </p>
  );
}

import { Suspense, type ReactNode } from "react";
import { getViewer } from "@/lib/viewer";

/**
 * A loading state that never strands a browser without JavaScript. Streamed
 * content arrives hidden and is put in place by a script; without scripts it
 * would stay hidden behind the fallback. Only browsers that have run our
 * script (they told us their time zone) get the streamed version; everyone
 * else gets the page in one piece.
 */
export async function ProgressiveSuspense({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  const { zoneKnown } = await getViewer();
  return zoneKnown ? <Suspense fallback={fallback}>{children}</Suspense> : <>{children}</>;
}

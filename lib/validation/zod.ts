// zod, configured once. Zod compiles object parsers with `new Function` when
// it may; our Content-Security-Policy forbids eval, and merely probing for it
// reports a violation in the browser. Parse without it (a little slower, and
// still far from any hot path).
import { z } from "zod";

z.config({ jitless: true });

export { z };

import "server-only";
import { cache } from "react";
import { getDietaryProfile, partyDietary } from "./data";

/** Request-scoped: a page and its parts read these once. */
export const getMyDietaryProfile = cache(getDietaryProfile);
export const getPartyDietary = cache(partyDietary);

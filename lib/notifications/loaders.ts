import "server-only";
import { cache } from "react";
import { getPreferences, listHostMessages } from "./data";

/** Request-scoped: a page and its parts read these once. */
export const getNotificationPreferences = cache(getPreferences);
export const getHostMessages = cache((partyId: number, viewerId: string | null) => listHostMessages(partyId, viewerId));

import "server-only";
import { cache } from "react";
import { invitationPreview, invitationTokenFor } from "./data";

/** The preview of an invitation, cached per request: the page and its metadata share the query. */
export const getInvitationPreview = cache(invitationPreview);

/** The current invitation token of a party, for its host only. */
export const getInvitationToken = cache(invitationTokenFor);

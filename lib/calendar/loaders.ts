import "server-only";
import { cache } from "react";
import { feedTokenFor } from "./data";

/** The person's own feed token, cached per request. */
export const getFeedToken = cache(feedTokenFor);

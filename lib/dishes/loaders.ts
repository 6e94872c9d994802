import "server-only";
import { cache } from "react";
import { listDishes } from "./data";

/** Request-scoped: the party page and its parts read the board once. */
export const getDishBoard = cache((partyId: number, viewerId: string | null) => listDishes(partyId, viewerId));

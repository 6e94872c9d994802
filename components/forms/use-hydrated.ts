"use client";

import { useSyncExternalStore } from "react";

const noop = () => () => {};

/** false during the server render and hydration, true once React runs in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}

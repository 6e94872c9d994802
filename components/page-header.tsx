import type { ReactNode } from "react";
import { FlashMessage } from "@/components/flash-message";

/** The top of every page: the pending flash message and the page's one h1. */
export function PageHeader({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <header className="page-header">
      <FlashMessage />
      <h1>{title}</h1>
      {children}
    </header>
  );
}

"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A navigation link that tells assistive tech when it is the current page. */
export function NavLink({ href, children }: { href: string; children: string }) {
  const pathname = usePathname();
  return (
    <Link href={href} aria-current={pathname === href ? "page" : undefined}>
      {children}
    </Link>
  );
}

import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/loaders";
import { logoutAction } from "@/lib/auth/actions";
import { BrandMark } from "@/components/brand-mark";
import { NavLink } from "@/components/nav-link";

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="site-header">
      <div className="container site-header-inner">
        <Link href="/" className="brand">
          <BrandMark /> DinnerParty
        </Link>
        <nav aria-label="Main">
          <ul className="nav-list">
            <li>
              <NavLink href="/">Home</NavLink>
            </li>
            {user ? (
              <>
                <li>
                  <NavLink href={`/user/${user.username}`}>Profile</NavLink>
                </li>
                <li>
                  <NavLink href="/rsvp">RSVP</NavLink>
                </li>
                <li>
                  {/* Logging out changes state, so it is a POST, never a link. */}
                  <form action={logoutAction}>
                    <button type="submit" className="button button-quiet">
                      Log out
                    </button>
                  </form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink href="/login">Log in</NavLink>
                </li>
                <li>
                  <NavLink href="/register">Register</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/loaders";
import { LoginForm } from "@/components/auth/login-form";
import { PageHeader } from "@/components/page-header";
import { LOGIN_REQUIRED } from "@/lib/auth/messages";
import { safeCallbackPath } from "@/lib/http/safe-redirect";

export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const user = await getCurrentUser();
  if (user) redirect(`/user/${user.username}`);
  const { callbackUrl } = await searchParams;
  const asked = typeof callbackUrl === "string" ? callbackUrl : undefined;
  const safe = safeCallbackPath(asked) ?? undefined;
  return (
    <div className="narrow">
      <PageHeader title="Log in">{asked && <p className="notice notice-info">{LOGIN_REQUIRED}</p>}</PageHeader>
      <LoginForm callbackUrl={safe} />
      <p className="aside">
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <p className="aside">
        New here?{" "}
        <Link href={safe ? `/register?callbackUrl=${encodeURIComponent(safe)}` : "/register"}>Create an account</Link>.
      </p>
    </div>
  );
}

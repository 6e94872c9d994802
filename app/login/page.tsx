import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/loaders";
import { LoginForm } from "@/components/auth/login-form";
import { TwoFactorStepForm } from "@/components/auth/two-factor-step-form";
import { pendingLoginStep } from "@/lib/auth/sign-in";
import { findLoginStep } from "@/lib/two-factor/data";
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
  // A correct password on an account with two-factor on: the second step, until it is used or expires.
  const stepToken = await pendingLoginStep();
  if (stepToken && (await findLoginStep(stepToken))) {
    return (
      <div className="narrow">
        <PageHeader title="Log in">
          <p className="lead">Two-factor authentication is on for this account: enter a code to finish logging in.</p>
        </PageHeader>
        <TwoFactorStepForm callbackUrl={safe} />
      </div>
    );
  }
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

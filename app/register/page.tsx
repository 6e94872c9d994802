import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/loaders";
import { RegisterForm } from "@/components/auth/register-form";
import { PageHeader } from "@/components/page-header";
import { safeCallbackPath } from "@/lib/http/safe-redirect";

export const metadata: Metadata = { title: "Register" };

export default async function RegisterPage({ searchParams }: PageProps<"/register">) {
  const user = await getCurrentUser();
  if (user) redirect(`/user/${user.username}`);
  const { callbackUrl } = await searchParams;
  const back = safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : undefined) ?? undefined;
  return (
    <div className="narrow">
      <PageHeader title="Register" />
      <RegisterForm callbackUrl={back} />
      <p className="aside">
        Already have an account?{" "}
        <Link href={back ? `/login?callbackUrl=${encodeURIComponent(back)}` : "/login"}>Sign in instead</Link>.
      </p>
    </div>
  );
}

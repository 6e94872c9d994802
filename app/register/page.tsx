import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/loaders";
import { RegisterForm } from "@/components/auth/register-form";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Register" };

export default async function RegisterPage() {
  const user = await getCurrentUser();
  if (user) redirect(`/user/${user.username}`);
  return (
    <div className="narrow">
      <PageHeader title="Register" />
      <RegisterForm />
      <p className="aside">
        Already have an account? <Link href="/login">Sign in instead</Link>.
      </p>
    </div>
  );
}

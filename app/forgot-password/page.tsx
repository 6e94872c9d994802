import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { PageHeader } from "@/components/page-header";
import { getCurrentUser } from "@/lib/auth/loaders";

export const metadata: Metadata = { title: "Forgot your password?" };

export default async function ForgotPasswordPage() {
  const user = await getCurrentUser();
  if (user) redirect("/settings");
  return (
    <div className="narrow">
      <PageHeader title="Forgot your password?">
        <p className="lead">Enter the email address of your account: we will send you a link to choose a new one.</p>
      </PageHeader>
      <ForgotPasswordForm />
      <p className="aside">
        Remembered it? <Link href="/login">Log in</Link>.
      </p>
    </div>
  );
}

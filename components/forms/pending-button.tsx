"use client";

import { useFormStatus } from "react-dom";

/** A submit button that cannot be pressed twice while its form is being sent. */
export function PendingButton({
  children,
  className = "button",
  disabled,
  ...rest
}: { children: string; className?: string } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      className={className}
      disabled={pending || disabled}
      aria-busy={pending || undefined}
      {...rest}
    >
      {children}
    </button>
  );
}

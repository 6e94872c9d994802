"use client";

import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField } from "@/components/forms/text-area-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { sendHostMessageAction } from "@/lib/notifications/actions";

const loadSchema = () => import("@/lib/notifications/schema").then((m) => m.hostMessageSchema);

/** "Message your guests": mailed to the going, maybe and waitlisted guests, and listed on the page. */
export function HostMessageForm({ partyId, max }: { partyId: number; max: number }) {
  const { form, state, pending, errorFor, initial, formProps } = useActionForm({
    schema: loadSchema,
    action: sendHostMessageAction,
    defaultValues: { message: "" },
  });
  return (
    <form {...formProps} className="form" aria-labelledby="message-guests-heading">
      <FormMessage state={state} />
      <input type="hidden" name="partyId" value={partyId} />
      <TextAreaField
        label="Message"
        rows={4}
        maxLength={max}
        required
        hint="Going, maybe and waitlisted guests get it by email, and see it here."
        defaultValue={initial.message}
        registration={form.register("message")}
        error={errorFor("message")}
      />
      <SubmitButton pending={pending}>Send message</SubmitButton>
    </form>
  );
}

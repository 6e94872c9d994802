"use client";

import { useEffect, useSyncExternalStore } from "react";
import { createPartyAction, updatePartyAction } from "@/lib/parties/actions";
import { utcToLocalInput } from "@/lib/time";
import { SEATS_MAX, SEATS_MIN, TEXT_MAX } from "@/lib/parties/bounds";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";

const noSubscription = () => () => {};

type Props = {
  /** the party being edited; a new one is created when absent */
  party?: { id: number; startsAt: string; venue: string; mainDish: string; seats: number };
  /** the zone the server rendered in (the viewer's cookie, else UTC) */
  serverTimeZone: string;
  /** earliest value for the date input, in that zone */
  minDate: string;
};

/** "Host a dinner party" and its edit form: one form, one schema. */

const loadPartyFormSchema = () => import("@/lib/parties/schema").then((m) => m.partyFormSchema);
export function PartyForm({ party, serverTimeZone, minDate }: Props) {
  const { form, state, pending, errorFor, initial, formProps } = useActionForm({
    schema: loadPartyFormSchema,
    action: party ? updatePartyAction : createPartyAction,
    defaultValues: {
      date: party ? utcToLocalInput(new Date(party.startsAt), serverTimeZone) : "",
      venue: party?.venue ?? "",
      mainDish: party?.mainDish ?? "",
      seats: party ? String(party.seats) : "",
      timeZone: serverTimeZone,
    },
  });
  const { register, setValue, getFieldState } = form;
  const zone = useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone || serverTimeZone,
    () => serverTimeZone,
  );

  // People type the wall-clock time of their own zone. The server may not
  // have known it yet (first visit): switch to the browser's zone, and show
  // the edited party's time in it unless the field was already touched.
  useEffect(() => {
    if (zone === serverTimeZone) return;
    setValue("timeZone", zone);
    if (party && !getFieldState("date").isDirty) {
      setValue("date", utcToLocalInput(new Date(party.startsAt), zone));
    }
  }, [zone, party, serverTimeZone, setValue, getFieldState]);

  return (
    <form {...formProps} className="form">
      <FormMessage state={state} />
      {party && <input type="hidden" name="partyId" value={party.id} />}
      <input type="hidden" {...register("timeZone")} defaultValue={initial.timeZone} />
      <Field
        label="Date"
        type="datetime-local"
        required
        min={minDate}
        hint={`Date and time, in your time zone (${zone}).`}
        defaultValue={initial.date}
        registration={register("date")}
        error={errorFor("date")}
      />
      <Field
        label="Venue"
        required
        maxLength={TEXT_MAX}
        autoComplete="off"
        defaultValue={initial.venue}
        registration={register("venue")}
        error={errorFor("venue")}
      />
      <Field
        label="Main dish"
        required
        maxLength={TEXT_MAX}
        autoComplete="off"
        defaultValue={initial.mainDish}
        registration={register("mainDish")}
        error={errorFor("mainDish")}
      />
      <Field
        label="Number of seats"
        type="number"
        inputMode="numeric"
        required
        min={SEATS_MIN}
        max={SEATS_MAX}
        step={1}
        hint="Places at the table, yours included."
        defaultValue={initial.seats}
        registration={register("seats")}
        error={errorFor("seats")}
      />
      <SubmitButton pending={pending}>{party ? "Save changes" : "Create party"}</SubmitButton>
    </form>
  );
}

"use client";

import { useEffect, useSyncExternalStore } from "react";
import { createPartyAction, updatePartyAction } from "@/lib/parties/actions";
import { utcToLocalInput } from "@/lib/time";
import { DETAILS_MAX, PLUS_ONES_MAX, SEATS_MAX, SEATS_MIN, TEXT_MAX, TITLE_MAX } from "@/lib/parties/bounds";
import { Field } from "@/components/forms/field";
import { TextAreaField } from "@/components/forms/text-area-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";

const noSubscription = () => () => {};

type Props = {
  /** the party being edited; a new one is created when absent */
  party?: {
    id: number;
    /** the host's own title, "" for none */
    title: string;
    details: string;
    startsAt: string;
    venue: string;
    visibility: "listed" | "invite-only";
    venueHidden: boolean;
    mainDish: string;
    seats: number;
    plusOnesAllowed: number;
    waitlist: boolean;
    /** ISO 8601, or null for no deadline */
    rsvpBy: string | null;
    showGuestList: boolean;
  };
  /** the zone the server rendered in (the viewer's cookie, else UTC) */
  serverTimeZone: string;
  /** earliest value for the date input, in that zone */
  minDate: string;
};

/**
 * A checkbox the server can tell from a form that did not show it: a hidden
 * "off" comes first, the ticked box's "on" after it (lib/parties/schema.ts).
 * Left to the browser, not react-hook-form: the FormData sent holds both.
 */
function FormCheckbox({
  name,
  label,
  defaultChecked,
  error,
}: {
  name: string;
  label: string;
  defaultChecked: boolean;
  error?: string;
}) {
  const id = `field-${name}`;
  return (
    <div className="field">
      <div className="field-checkbox">
        <input type="hidden" name={name} value="off" />
        <input
          id={id}
          type="checkbox"
          name={name}
          value="on"
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

const VISIBILITIES = [
  ["listed", "Everyone on DinnerParty"],
  ["invite-only", "Only people with the invitation link"],
] as const;

/** "Host a dinner party" and its edit form: one form, the schema of its action. */

const loadPartyFormSchema = () => import("@/lib/parties/schema").then((m) => m.partyFormSchema);
const loadPartyEditFormSchema = () => import("@/lib/parties/schema").then((m) => m.partyEditFormSchema);
export function PartyForm({ party, serverTimeZone, minDate }: Props) {
  const { form, state, pending, errorFor, initial, formProps } = useActionForm({
    schema: party ? loadPartyEditFormSchema : loadPartyFormSchema,
    action: party ? updatePartyAction : createPartyAction,
    defaultValues: {
      title: party?.title ?? "",
      details: party?.details ?? "",
      visibility: party?.visibility ?? "listed",
      date: party ? utcToLocalInput(new Date(party.startsAt), serverTimeZone) : "",
      venue: party?.venue ?? "",
      mainDish: party?.mainDish ?? "",
      seats: party ? String(party.seats) : "",
      plusOnesAllowed: String(party?.plusOnesAllowed ?? 0),
      rsvpBy: party?.rsvpBy ? utcToLocalInput(new Date(party.rsvpBy), serverTimeZone) : "",
      timeZone: serverTimeZone,
    },
  });
  // The boxes as sent when the server refused the form (no JavaScript), else as stored.
  const kept = state.fields;
  const ticked = (name: "waitlist" | "showGuestList" | "venueHidden", stored: boolean) =>
    kept ? kept[name] === "on" : stored;
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
    if (party?.rsvpBy && !getFieldState("rsvpBy").isDirty) {
      setValue("rsvpBy", utcToLocalInput(new Date(party.rsvpBy), zone));
    }
  }, [zone, party, serverTimeZone, setValue, getFieldState]);

  return (
    <form {...formProps} className="form">
      <FormMessage state={state} />
      {party && <input type="hidden" name="partyId" value={party.id} />}
      <input type="hidden" {...register("timeZone")} defaultValue={initial.timeZone} />
      <Field
        label="Title"
        maxLength={TITLE_MAX}
        autoComplete="off"
        hint="Leave it empty to call the party “Dinner at” its venue."
        defaultValue={initial.title}
        registration={register("title")}
        error={errorFor("title")}
      />
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
        label="RSVP by"
        type="datetime-local"
        min={party ? undefined : minDate}
        hint={`Optional: the last moment to answer, before the party starts; after it guests can only cancel. In your time zone (${zone}).`}
        defaultValue={initial.rsvpBy}
        registration={register("rsvpBy")}
        error={errorFor("rsvpBy")}
      />
      <Field
        label="Plus-ones per guest"
        type="number"
        inputMode="numeric"
        min={0}
        max={PLUS_ONES_MAX}
        step={1}
        hint={`Extra people each guest may bring, 0 to ${PLUS_ONES_MAX}; each takes a seat.`}
        defaultValue={initial.plusOnesAllowed}
        registration={register("plusOnesAllowed")}
        error={errorFor("plusOnesAllowed")}
      />
      <FormCheckbox
        name="waitlist"
        label="Waitlist when full"
        defaultChecked={ticked("waitlist", party?.waitlist ?? false)}
        error={state.errors?.waitlist?.[0]}
      />
      <FormCheckbox
        name="showGuestList"
        label="Show the guest list to guests"
        defaultChecked={ticked("showGuestList", party?.showGuestList ?? true)}
        error={state.errors?.showGuestList?.[0]}
      />
      <TextAreaField
        label="Details"
        maxLength={DETAILS_MAX}
        rows={5}
        hint="Plain text for your guests, if you like: parking, the door code, what to wear. Links become clickable."
        defaultValue={initial.details}
        registration={register("details")}
        error={errorFor("details")}
      />
      <fieldset
        className="field field-choices"
        aria-describedby={errorFor("visibility") ? "field-visibility-error" : undefined}
      >
        <legend>Who can see this party</legend>
        {VISIBILITIES.map(([value, label]) => (
          <div className="field-checkbox" key={value}>
            <input
              id={`field-visibility-${value}`}
              type="radio"
              value={value}
              defaultChecked={initial.visibility === value}
              {...register("visibility")}
            />
            <label htmlFor={`field-visibility-${value}`}>{label}</label>
          </div>
        ))}
        {errorFor("visibility") && (
          <p id="field-visibility-error" className="field-error">
            {errorFor("visibility")}
          </p>
        )}
      </fieldset>
      <FormCheckbox
        name="venueHidden"
        label="Show the venue only to guests who are going"
        defaultChecked={ticked("venueHidden", party?.venueHidden ?? false)}
        error={state.errors?.venueHidden?.[0]}
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

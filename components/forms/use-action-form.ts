"use client";

import { startTransition, useActionState, useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { useForm, useWatch, type DefaultValues, type FieldValues, type Resolver } from "react-hook-form";
import { initialFormState, type Action } from "@/lib/form-state";
import { useHydrated } from "./use-hydrated";
import type { Schema } from "@/lib/zod";

export { useHydrated } from "./use-hydrated";

/**
 * A form that validates in the browser with react-hook-form and the shared zod
 * schema, then submits to a server action (which validates again). Without
 * JavaScript the same <form> posts to the action natively and the server's
 * answer — field errors and the values as typed — renders the page again.
 *
 * The schema comes from a loader (`() => import(...)`): zod and the resolver
 * are fetched right after the page is up, not with it, which keeps the first
 * load of the login page within its budget.
 */
export function useActionForm<T extends FieldValues>({
  schema: loadSchema,
  action,
  defaultValues,
}: {
  schema: () => Promise<Schema & { _zod: { input: T } }>;
  action: Action;
  defaultValues: T;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const formRef = useRef<HTMLFormElement>(null);
  const submitted = useRef<FieldValues | null>(null);
  const initial = { ...defaultValues, ...(state.fields ?? {}) } as T;

  const resolverRef = useRef<Promise<Resolver<T>> | null>(null);
  const loadResolver = useCallback(
    () =>
      (resolverRef.current ??= Promise.all([loadSchema(), import("@hookform/resolvers/zod")]).then(
        // zodResolver's overloads cannot see through the generic schema type.
        ([schema, { zodResolver }]) => zodResolver(schema as never) as unknown as Resolver<T>,
      )),
    [loadSchema],
  );
  useEffect(() => {
    void loadResolver();
  }, [loadResolver]);

  const form = useForm<T>({
    resolver: async (values, context, options) => (await loadResolver())(values, context, options),
    defaultValues: initial as DefaultValues<T>,
    // Validate on the first submit, then as the person corrects each field:
    // errors never pop up (and move the button) while someone is still typing.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const values = useWatch({ control: form.control });
  const hydrated = useHydrated();

  // Send focus to the first field the server refused, as the browser-side
  // validation does for its own errors.
  useEffect(() => {
    const first = Object.keys(state.errors ?? {})[0];
    if (first && first !== "_") form.setFocus(first as never);
  }, [state, form]);

  /** The client error for a field, else the server's — until the field is edited. */
  function errorFor(name: keyof T & string): string | undefined {
    const client = form.formState.errors[name]?.message;
    if (typeof client === "string") return client;
    const server = state.errors?.[name]?.[0];
    if (!server) return undefined;
    if (submitted.current && submitted.current[name] !== (values as FieldValues)[name]) return undefined;
    return server;
  }

  // Said once per refused submit, by a live region: "Please correct 2 fields."
  const [summary, setSummary] = useState<string | null>(null);

  // One submission at a time: a double click must not send the form twice,
  // and the button's disabled state only arrives with the next render.
  const inFlight = useRef(false);
  useEffect(() => {
    if (!pending) inFlight.current = false;
  }, [pending]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (inFlight.current) {
      event.preventDefault();
      return;
    }
    void form.handleSubmit(
      () => {
        if (inFlight.current) return;
        inFlight.current = true;
        setSummary(null);
        submitted.current = form.getValues();
        const data = new FormData(formRef.current!);
        startTransition(() => formAction(data));
      },
      (errors) => {
        const n = Object.keys(errors).length;
        setSummary(`Please correct ${n} field${n === 1 ? "" : "s"}.`);
      },
    )(event);
  }

  return {
    form,
    state: summary ? { ...state, status: "error" as const, message: summary } : state,
    pending,
    errorFor,
    /** the value to render on the server (no-JS round trip keeps the input) */
    initial,
    formProps: {
      ref: formRef,
      action: formAction,
      onSubmit,
      // Browser bubbles only until our own messages can take over.
      noValidate: hydrated,
    },
  };
}

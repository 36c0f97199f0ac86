"use client";
// A form that POSTs what it holds and hands the created row on: the API's
// refusals land beside the field they name (or on the form), and the form
// empties once the row exists. Submitting waits until the page is interactive.
import { useState, type FormEvent } from "react";
import { apiRequest } from "./api-request";
import { useHydrated } from "./use-hydrated";

export function useCreateForm<T>(path: string, toBody: (form: FormData) => unknown, onCreated: (row: T) => void) {
  const hydrated = useHydrated();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    setPending(true);
    const result = await apiRequest<T>(path, { method: "POST", body: toBody(new FormData(formElement)) });
    setPending(false);
    if (!result.ok) return setErrors(Object.keys(result.fields).length > 0 ? result.fields : { form: result.message });
    setErrors({});
    formElement.reset();
    onCreated(result.data);
  };

  return { errors, submit, submitting: pending, ready: hydrated };
}

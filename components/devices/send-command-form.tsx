"use client";
// Sends a command to the device (POST .../commands): a type, params as a
// JSON object and how long it may wait to be delivered and answered.
import { useState, type FormEvent } from "react";
import { apiRequest } from "../ui/api-request";
import { fieldA11y, FormField } from "../ui/form-field";
import { parseJsonObject } from "./json-object";

type Props = { base: string; onSent: () => void };

export function SendCommandForm({ base, onSent }: Props) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const params = parseJsonObject(String(form.get("params") ?? ""));
    const ttlSeconds = Number(form.get("ttlSeconds"));
    if (!params.ok) return setErrors({ params: params.error });
    setPending(true);
    const result = await apiRequest<{ id: string }>(`${base}/commands`, {
      method: "POST",
      body: { type: String(form.get("type") ?? "").trim(), params: params.value, ttlSeconds },
    });
    setPending(false);
    if (!result.ok) {
      return setErrors(Object.keys(result.fields).length > 0 ? result.fields : { form: result.message });
    }
    setErrors({});
    formElement.reset();
    onSent();
  };

  return (
    <form className="form-grid command-form" onSubmit={submit} noValidate aria-label="Send a command">
      <FormField id="command-type" label="Type" error={errors.type} hint="e.g. reboot, ping, set-mode">
        <input {...fieldA11y("command-type", errors.type)} name="type" required autoComplete="off" />
      </FormField>
      <FormField id="command-ttl" label="Expires after (s)" error={errors.ttlSeconds}>
        <input
          {...fieldA11y("command-ttl", errors.ttlSeconds)}
          name="ttlSeconds"
          type="number"
          min={5}
          defaultValue={300}
        />
      </FormField>
      <div className="form-wide">
        <FormField id="command-params" label="Params (JSON object)" error={errors.params}>
          <textarea
            {...fieldA11y("command-params", errors.params)}
            name="params"
            rows={3}
            defaultValue="{}"
            spellCheck={false}
            className="mono"
          />
        </FormField>
      </div>
      {errors.form && (
        <p className="error form-wide" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-actions form-wide">
        <button className="btn" type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send command"}
        </button>
      </div>
    </form>
  );
}

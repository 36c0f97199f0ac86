"use client";
// An admin sets the guard's PIN and duress PIN (the guard app asks for the PIN
// to cancel a pre-alarm or a man-down; the duress PIN looks the same on the
// phone but raises a silent duress alert here). The PINs are never shown
// again: the form says only whether they are set.
import { useState, type FormEvent } from "react";
import { apiRequest } from "../ui/api-request";
import { fieldA11y, FormField } from "../ui/form-field";

type Props = { externalId: string; hasPins: boolean };

export function GuardPinsForm({ externalId, hasPins: initial }: Props) {
  const [pin, setPin] = useState("");
  const [duressPin, setDuressPin] = useState("");
  const [hasPins, setHasPins] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setDone(null);
    const result = await apiRequest(`/api/v1/guards/${encodeURIComponent(externalId)}/pins`, {
      method: "PUT",
      body: { pin, duressPin },
    });
    setPending(false);
    if (!result.ok) {
      setErrors(Object.keys(result.fields).length > 0 ? result.fields : { form: result.message });
      return;
    }
    setErrors({});
    setPin("");
    setDuressPin("");
    setHasPins(true);
    setDone("PINs saved. Tell the guard in person; they are not shown again.");
  };

  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="pins-heading">
      <h2 id="pins-heading">PIN and duress PIN</h2>
      <p className="muted">
        {hasPins ? "Both PINs are set." : "No PINs yet: the guard app cannot ask for one."} Entering the duress PIN
        looks like an ordinary check-in on the phone but raises a silent critical duress alert here.
      </p>
      <div className="form-grid">
        <FormField id="guard-pin" label="PIN" error={errors.pin} hint="4 to 8 digits">
          <input
            {...fieldA11y("guard-pin", errors.pin)}
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
          />
        </FormField>
        <FormField id="guard-duress-pin" label="Duress PIN" error={errors.duressPin} hint="Different from the PIN">
          <input
            {...fieldA11y("guard-duress-pin", errors.duressPin)}
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            value={duressPin}
            onChange={(e) => setDuressPin(e.target.value)}
          />
        </FormField>
      </div>
      {errors.form && (
        <p className="error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-actions">
        <button className="btn" type="submit" disabled={pending}>
          {pending ? "Saving…" : hasPins ? "Change PINs" : "Set PINs"}
        </button>
        {done && (
          <span className="muted" role="status">
            {done}
          </span>
        )}
      </div>
    </form>
  );
}

"use client";
// An assignment's lone-worker check-ins: how often the guard must check in on
// shift (empty: never asked) and the grace after the pre-alarm before a
// check-in-missed alert. Values are kept as typed; the API names a bad one.
import { fieldA11y, FormField } from "../ui/form-field";

export type CheckInValues = { minutes: string; grace: string };

type Props = { values: CheckInValues; onChange: (values: CheckInValues) => void; errors: Record<string, string> };

/** The fields as the API takes them: a blank interval is none; a blank grace is the default. */
export function checkInBody({ minutes, grace }: CheckInValues) {
  return {
    checkInMinutes: minutes.trim() === "" ? null : Number(minutes),
    ...(grace.trim() === "" ? {} : { graceSeconds: Number(grace) }),
  };
}

export function CheckInFields({ values, onChange, errors }: Props) {
  return (
    <div className="form-grid">
      <FormField
        id="assign-check-in"
        label="Lone-worker check-in every (minutes)"
        error={errors.checkInMinutes}
        hint="Empty: no check-ins. When one is due the guard's phones get a pre-alarm."
      >
        <input
          {...fieldA11y("assign-check-in", errors.checkInMinutes)}
          type="number"
          inputMode="numeric"
          min={1}
          max={1440}
          value={values.minutes}
          onChange={(e) => onChange({ ...values, minutes: e.target.value })}
        />
      </FormField>
      <FormField
        id="assign-grace"
        label="Grace after the pre-alarm (seconds)"
        error={errors.graceSeconds}
        hint="Then a critical check-in-missed alert. Empty: 120."
      >
        <input
          {...fieldA11y("assign-grace", errors.graceSeconds)}
          type="number"
          inputMode="numeric"
          min={0}
          max={3600}
          value={values.grace}
          placeholder="120"
          onChange={(e) => onChange({ ...values, grace: e.target.value })}
        />
      </FormField>
    </div>
  );
}

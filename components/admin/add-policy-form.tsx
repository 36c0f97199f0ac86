"use client";
// Admins write an escalation policy: a name, how often to repeat, and tiers
// of contacts and channels with a delay each. Errors show beside each field.
import { useState, type FormEvent } from "react";
import type { ContactDto, EscalationPolicyDto } from "@/server/contracts/api";
import { apiRequest } from "../ui/api-request";
import { fieldA11y, FormField } from "../ui/form-field";
import { useHydrated } from "../ui/use-hydrated";
import { TierFields, type TierDraft } from "./tier-fields";

const emptyTier = (delaySeconds: string): TierDraft => ({ contactIds: [], channels: ["sms"], delaySeconds });

type Props = { contacts: ContactDto[]; onCreated: (policy: EscalationPolicyDto) => void };

export function AddPolicyForm({ contacts, onCreated }: Props) {
  const [name, setName] = useState("");
  const [repeats, setRepeats] = useState("0");
  const [tiers, setTiers] = useState<TierDraft[]>([emptyTier("0")]);
  const hydrated = useHydrated();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  const number = (text: string) => (text.trim() === "" ? undefined : Number(text));
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPending(true);
    const result = await apiRequest<EscalationPolicyDto>("/api/v1/escalation-policies", {
      method: "POST",
      body: {
        name: name.trim(),
        repeats: number(repeats),
        tiers: tiers.map((t) => ({ ...t, delaySeconds: number(t.delaySeconds) })),
      },
    });
    setPending(false);
    if (!result.ok) return setErrors(Object.keys(result.fields).length > 0 ? result.fields : { form: result.message });
    setErrors({});
    setName("");
    setRepeats("0");
    setTiers([emptyTier("0")]);
    onCreated(result.data);
  };

  return (
    <form className="form-grid" onSubmit={submit} noValidate aria-label="Add an escalation policy">
      <FormField id="policy-name" label="Policy name" error={errors.name}>
        <input {...fieldA11y("policy-name", errors.name)} value={name} onChange={(e) => setName(e.target.value)} />
      </FormField>
      <FormField id="policy-repeats" label="Repeats" error={errors.repeats} hint="Rounds after the first (0-10)">
        <input
          {...fieldA11y("policy-repeats", errors.repeats)}
          type="number"
          min={0}
          max={10}
          value={repeats}
          onChange={(e) => setRepeats(e.target.value)}
        />
      </FormField>
      <div className="form-wide tiers">
        {tiers.map((tier, i) => (
          <TierFields
            key={i}
            index={i}
            tier={tier}
            contacts={contacts}
            errors={errors}
            onChange={(next) => setTiers(tiers.map((t, j) => (j === i ? next : t)))}
            onRemove={tiers.length > 1 ? () => setTiers(tiers.filter((_, j) => j !== i)) : null}
          />
        ))}
        {errors.tiers && <span className="field-error">{errors.tiers}</span>}
      </div>
      {errors.form && (
        <p className="error form-wide" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-actions form-wide">
        <button
          className="btn-ghost"
          type="button"
          disabled={tiers.length >= 10}
          onClick={() => setTiers([...tiers, emptyTier("120")])}
        >
          Add tier
        </button>
        <button className="btn" type="submit" disabled={pending || !hydrated}>
          {pending ? "Saving…" : "Save policy"}
        </button>
      </div>
    </form>
  );
}

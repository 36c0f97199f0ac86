"use client";
// Admins write an escalation policy, a new one or one being edited: a name,
// which alerts it takes (match, priority) and its quiet hours, how often to
// repeat, and tiers of contacts and channels with a delay and an optional
// fallback each. Errors show beside each field. Editing sends the whole
// policy (PATCH).
import { useState, type FormEvent } from "react";
import type { ContactDto, EscalationPolicyDto } from "@/server/contracts/notifications";
import { apiRequest } from "../ui/api-request";
import { fieldA11y, FormField } from "../ui/form-field";
import { useHydrated } from "../ui/use-hydrated";
import { PolicyRoutingFields, type RoutingDraft } from "./policy-routing-fields";
import { TierFields, type TierDraft } from "./tier-fields";

const emptyTier = (delaySeconds: string): TierDraft => ({
  contactIds: [],
  channels: ["sms"],
  delaySeconds,
  fallbackChannel: "",
  fallbackAfter: "120",
});

const routingOf = (policy: EscalationPolicyDto | undefined): RoutingDraft => ({
  types: policy?.match.types?.join(", ") ?? "",
  severities: policy?.match.severities ?? [],
  siteIds: policy?.match.siteIds ?? [],
  priority: String(policy?.priority ?? 100),
  quiet: Boolean(policy?.quietHours),
  quietFrom: policy?.quietHours?.from ?? "22:00",
  quietTo: policy?.quietHours?.to ?? "07:00",
  timezone: policy?.quietHours?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
});

const number = (text: string) => (text.trim() === "" ? undefined : Number(text));

function bodyOf(name: string, repeats: string, routing: RoutingDraft, tiers: TierDraft[]) {
  const types = routing.types
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  return {
    name: name.trim(),
    repeats: number(repeats),
    priority: number(routing.priority),
    match: {
      ...(types.length > 0 ? { types } : {}),
      ...(routing.severities.length > 0 ? { severities: routing.severities } : {}),
      ...(routing.siteIds.length > 0 ? { siteIds: routing.siteIds } : {}),
    },
    quietHours: routing.quiet ? { from: routing.quietFrom, to: routing.quietTo, timezone: routing.timezone } : null,
    tiers: tiers.map((t) => ({
      contactIds: t.contactIds,
      channels: t.channels,
      delaySeconds: number(t.delaySeconds),
      fallback: t.fallbackChannel ? { channel: t.fallbackChannel, afterSeconds: number(t.fallbackAfter) } : null,
    })),
  };
}

type Props = {
  contacts: ContactDto[];
  sites: { id: string; name: string }[];
  onSaved: (policy: EscalationPolicyDto) => void;
  /** The policy being edited; without it the form adds one. */
  policy?: EscalationPolicyDto;
  onCancel?: () => void;
};

const draftOf = (tier: EscalationPolicyDto["tiers"][number]): TierDraft => ({
  contactIds: tier.contactIds,
  channels: tier.channels,
  delaySeconds: String(tier.delaySeconds),
  fallbackChannel: tier.fallback?.channel ?? "",
  fallbackAfter: String(tier.fallback?.afterSeconds ?? 120),
});

export function PolicyForm({ contacts, sites, onSaved, policy, onCancel }: Props) {
  const [name, setName] = useState(policy?.name ?? "");
  const [routing, setRouting] = useState<RoutingDraft>(() => routingOf(policy));
  const [repeats, setRepeats] = useState(String(policy?.repeats ?? 0));
  const [tiers, setTiers] = useState<TierDraft[]>(policy ? policy.tiers.map(draftOf) : [emptyTier("0")]);
  const hydrated = useHydrated();
  // Ids stay unique while an edit form is open beside the add form.
  const prefix = policy ? `policy-${policy.id}` : "policy";
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPending(true);
    const result = await apiRequest<EscalationPolicyDto>(
      policy ? `/api/v1/escalation-policies/${policy.id}` : "/api/v1/escalation-policies",
      {
        method: policy ? "PATCH" : "POST",
        body: bodyOf(name, repeats, routing, tiers),
      },
    );
    setPending(false);
    if (!result.ok) return setErrors(Object.keys(result.fields).length > 0 ? result.fields : { form: result.message });
    setErrors({});
    if (!policy) {
      setName("");
      setRepeats("0");
      setRouting(routingOf(undefined));
      setTiers([emptyTier("0")]);
    }
    onSaved(result.data);
  };

  return (
    <form
      className="form-grid"
      onSubmit={submit}
      noValidate
      aria-label={policy ? `Edit policy ${policy.name}` : "Add an escalation policy"}
    >
      <FormField id={`${prefix}-name`} label="Policy name" error={errors.name}>
        <input {...fieldA11y(`${prefix}-name`, errors.name)} value={name} onChange={(e) => setName(e.target.value)} />
      </FormField>
      <FormField id={`${prefix}-repeats`} label="Repeats" error={errors.repeats} hint="Rounds after the first (0-10)">
        <input
          {...fieldA11y(`${prefix}-repeats`, errors.repeats)}
          type="number"
          min={0}
          max={10}
          value={repeats}
          onChange={(e) => setRepeats(e.target.value)}
        />
      </FormField>
      <PolicyRoutingFields idPrefix={prefix} draft={routing} sites={sites} errors={errors} onChange={setRouting} />
      <div className="form-wide tiers">
        {tiers.map((tier, i) => (
          <TierFields
            key={i}
            idPrefix={policy ? `${prefix}-tier` : "tier"}
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
        {onCancel && (
          <button className="btn-ghost" type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

"use client";
// One tier of an escalation policy being written: who is told (contacts), how
// (channels), how long after the tier before it, and the channel to fall back
// to when the first is not delivered or not acknowledged in time. Errors sit
// beside each part.
import { notificationChannels, type ContactDto } from "@/server/contracts/notifications";
import { fieldA11y, FormField } from "../ui/form-field";

export type TierDraft = {
  contactIds: string[];
  channels: string[];
  delaySeconds: string;
  /** "" for none. */
  fallbackChannel: string;
  fallbackAfter: string;
};

type Props = {
  /** "tier" for the add form; an edit form's own, so ids stay unique on the page. */
  idPrefix: string;
  index: number;
  tier: TierDraft;
  contacts: ContactDto[];
  errors: Record<string, string>;
  onChange: (tier: TierDraft) => void;
  onRemove: (() => void) | null;
};

const toggle = (list: string[], value: string, on: boolean) =>
  on ? [...list, value] : list.filter((v) => v !== value);

export function TierFields({ idPrefix, index, tier, contacts, errors, onChange, onRemove }: Props) {
  const error = (field: string) => errors[`tiers.${index}.${field}`];
  const id = (field: string) => `${idPrefix}-${index}-${field}`;
  return (
    <fieldset className="tier" aria-label={`Tier ${index + 1}`}>
      <legend>Tier {index + 1}</legend>
      <div className="field" data-invalid={error("contactIds") ? "" : undefined}>
        <span className="label">Contacts</span>
        <div className="checks" role="group" aria-describedby={`${id("contactIds")}-note`}>
          {contacts.length === 0 && <span className="muted">Add a contact first.</span>}
          {contacts.map((c) => (
            <label key={c.id} className="check">
              <input
                type="checkbox"
                checked={tier.contactIds.includes(c.id)}
                onChange={(e) => onChange({ ...tier, contactIds: toggle(tier.contactIds, c.id, e.target.checked) })}
              />
              {c.name}
            </label>
          ))}
        </div>
        <span className={error("contactIds") ? "field-error" : "field-hint muted"} id={`${id("contactIds")}-note`}>
          {error("contactIds")}
        </span>
      </div>
      <div className="field" data-invalid={error("channels") ? "" : undefined}>
        <span className="label">Channels</span>
        <div className="checks" role="group" aria-describedby={`${id("channels")}-note`}>
          {notificationChannels.map((channel) => (
            <label key={channel} className="check">
              <input
                type="checkbox"
                checked={tier.channels.includes(channel)}
                onChange={(e) => onChange({ ...tier, channels: toggle(tier.channels, channel, e.target.checked) })}
              />
              {channel}
            </label>
          ))}
        </div>
        <span className={error("channels") ? "field-error" : "field-hint muted"} id={`${id("channels")}-note`}>
          {error("channels")}
        </span>
      </div>
      <FormField id={id("delay")} label="Delay (seconds)" error={error("delaySeconds")} hint="Wait before this tier">
        <input
          {...fieldA11y(id("delay"), error("delaySeconds"))}
          type="number"
          min={0}
          value={tier.delaySeconds}
          onChange={(e) => onChange({ ...tier, delaySeconds: e.target.value })}
        />
      </FormField>
      <FormField
        id={id("fallback")}
        label="Fall back to"
        error={error("fallback.channel") ?? error("fallback")}
        hint="If not delivered, or not acknowledged in time"
      >
        <select
          {...fieldA11y(id("fallback"), error("fallback.channel") ?? error("fallback"))}
          value={tier.fallbackChannel}
          onChange={(e) => onChange({ ...tier, fallbackChannel: e.target.value })}
        >
          <option value="">No fallback</option>
          {notificationChannels.map((channel) => (
            <option key={channel} value={channel}>
              {channel}
            </option>
          ))}
        </select>
      </FormField>
      {tier.fallbackChannel && (
        <FormField
          id={id("fallback-after")}
          label="Fallback after (seconds)"
          error={error("fallback.afterSeconds")}
          hint="Unacknowledged this long (10 or more)"
        >
          <input
            {...fieldA11y(id("fallback-after"), error("fallback.afterSeconds"))}
            type="number"
            min={10}
            value={tier.fallbackAfter}
            onChange={(e) => onChange({ ...tier, fallbackAfter: e.target.value })}
          />
        </FormField>
      )}
      {onRemove && (
        <button className="btn-ghost btn-small" type="button" onClick={onRemove}>
          Remove tier {index + 1}
        </button>
      )}
    </fieldset>
  );
}

// Who is told about alerts and how (request and response shapes of
// /api/v1/contacts, /api/v1/escalation-policies, and the delivery ledger of an
// alert's page), split from api.ts: the notification side of the API.
import { z } from "zod";
import { isoTime, nullableIsoTime } from "./iso-time";
import { hhmm, timezone } from "./sites";
import { alertSeverities } from "./socket-events";

const phone = z.string().regex(/^\+[1-9][0-9]{6,14}$/, "use the international format, e.g. +919876543210");

export const createContactInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    phone: phone.optional(),
    email: z.email().max(254).optional(),
  })
  .refine((c) => c.phone || c.email, { message: "give a phone number or an email address", path: ["phone"] });
export type CreateContactInput = z.infer<typeof createContactInput>;

/** Any of a contact's fields; null removes a phone or an email (one of them must remain). */
export const updateContactInput = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    phone: phone.nullable().optional(),
    email: z.email().max(254).nullable().optional(),
  })
  .refine((c) => c.name !== undefined || c.phone !== undefined || c.email !== undefined, {
    message: "give a name, a phone or an email",
    path: ["name"],
  });
export type UpdateContactInput = z.infer<typeof updateContactInput>;

export const contactDto = z.object({
  id: z.uuid(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  createdAt: isoTime,
});
export type ContactDto = z.infer<typeof contactDto>;

export const notificationChannels = ["sms", "email", "push"] as const;

const alertTypeName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/, "use lower-case letters, digits and - only");

/** Which alerts a policy takes: each field given narrows it (any of the listed values); `{}` is the tenant's default. */
const policyMatch = z
  .object({
    types: z.array(alertTypeName).min(1).max(50).optional(),
    severities: z.array(z.enum(alertSeverities)).min(1).max(5).optional(),
    siteIds: z.array(z.uuid()).min(1).max(200).optional(),
  })
  .strict();
export type PolicyMatchInput = z.infer<typeof policyMatch>;

/** Deliveries of non-critical alerts wait while it is between `from` and `to` (local HH:MM; may run past midnight). */
const quietHours = z
  .object({ from: hhmm, to: hhmm, timezone })
  .refine((q) => q.from !== q.to, { message: "from and to must differ", path: ["to"] });

const tierFallback = z.object({
  channel: z.enum(notificationChannels),
  afterSeconds: z
    .number()
    .int()
    .min(10)
    .max(24 * 3600),
});

const tier = z
  .object({
    contactIds: z.array(z.uuid()).min(1),
    channels: z.array(z.enum(notificationChannels)).min(1),
    delaySeconds: z
      .number()
      .int()
      .min(0)
      .max(24 * 3600)
      .default(120),
    fallback: tierFallback.nullable().optional(),
  })
  .refine((t) => !t.fallback || !t.channels.includes(t.fallback.channel), {
    message: "the fallback must be a channel the tier does not use already",
    path: ["fallback", "channel"],
  });

export const createEscalationPolicyInput = z.object({
  name: z.string().trim().min(1).max(200),
  match: policyMatch.default({}),
  /** Among the policies an alert matches, the lowest priority notifies; the default (empty match) always comes last. */
  priority: z.number().int().min(0).max(10_000).default(100),
  quietHours: quietHours.nullable().default(null),
  repeats: z.number().int().min(0).max(10).default(0),
  tiers: z.array(tier).min(1).max(10),
});
export type CreateEscalationPolicyInput = z.infer<typeof createEscalationPolicyInput>;

/** Any of a policy's fields (tiers replace the old ones whole; `quietHours: null` removes them). */
export const updateEscalationPolicyInput = z
  .object({
    name: createEscalationPolicyInput.shape.name.optional(),
    match: policyMatch.optional(),
    priority: z.number().int().min(0).max(10_000).optional(),
    quietHours: quietHours.nullable().optional(),
    repeats: z.number().int().min(0).max(10).optional(),
    tiers: createEscalationPolicyInput.shape.tiers.optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), {
    message: "give a name, match, priority, quietHours, repeats or tiers",
    path: ["name"],
  });
export type UpdateEscalationPolicyInput = z.infer<typeof updateEscalationPolicyInput>;

export const escalationPolicyDto = z.object({
  id: z.uuid(),
  name: z.string(),
  match: z.object({
    types: z.array(z.string()).optional(),
    severities: z.array(z.string()).optional(),
    siteIds: z.array(z.uuid()).optional(),
  }),
  priority: z.number().int(),
  quietHours: z.object({ from: z.string(), to: z.string(), timezone: z.string() }).nullable(),
  repeats: z.number().int(),
  tiers: z.array(
    z.object({
      contactIds: z.array(z.uuid()),
      channels: z.array(z.enum(notificationChannels)),
      delaySeconds: z.number().int(),
      fallback: z.object({ channel: z.enum(notificationChannels), afterSeconds: z.number().int() }).nullish(),
    }),
  ),
  createdAt: isoTime,
});
export type EscalationPolicyDto = z.infer<typeof escalationPolicyDto>;

/** What "test this policy" sent: the test alert (resolved, outcome `test`) whose ledger shows the deliveries. */
export const policyTestDto = z.object({ alertId: z.uuid(), deliveries: z.number().int() });
export type PolicyTestDto = z.infer<typeof policyTestDto>;

const deliveryStatuses = ["queued", "held_quiet_hours", "sent", "failed", "skipped"] as const;

export const deliveryDto = z.object({
  id: z.uuid(),
  contactName: z.string().nullable(),
  channel: z.enum(notificationChannels),
  recipient: z.string().nullable(),
  round: z.number().int(),
  tier: z.number().int(),
  attempts: z.number().int(),
  status: z.enum(deliveryStatuses),
  /** Through the tier's fallback channel. */
  fallback: z.boolean(),
  /** When a delivery held by quiet hours goes. */
  holdUntil: nullableIsoTime,
  providerId: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: isoTime,
  sentAt: nullableIsoTime,
});
export type DeliveryDto = z.infer<typeof deliveryDto>;

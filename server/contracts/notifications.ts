// Who is told about alerts and how (request and response shapes of
// /api/v1/contacts, /api/v1/escalation-policies, and the delivery ledger of an
// alert's page), split from api.ts: the notification side of the API.
import { z } from "zod";
import { isoTime, nullableIsoTime } from "./iso-time";

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

export const createEscalationPolicyInput = z.object({
  name: z.string().trim().min(1).max(200),
  siteId: z.uuid().optional(),
  repeats: z.number().int().min(0).max(10).default(0),
  tiers: z
    .array(
      z.object({
        contactIds: z.array(z.uuid()).min(1),
        channels: z.array(z.enum(notificationChannels)).min(1),
        delaySeconds: z
          .number()
          .int()
          .min(0)
          .max(24 * 3600)
          .default(120),
      }),
    )
    .min(1)
    .max(10),
});
export type CreateEscalationPolicyInput = z.infer<typeof createEscalationPolicyInput>;

/** A policy's name, repeats or tiers (tiers replace the old ones whole). Its site stays. */
export const updateEscalationPolicyInput = createEscalationPolicyInput
  .pick({ name: true, tiers: true })
  .partial()
  .extend({ repeats: z.number().int().min(0).max(10).optional() })
  .refine((p) => p.name !== undefined || p.repeats !== undefined || p.tiers !== undefined, {
    message: "give a name, repeats or tiers",
    path: ["name"],
  });
export type UpdateEscalationPolicyInput = z.infer<typeof updateEscalationPolicyInput>;

export const escalationPolicyDto = z.object({
  id: z.uuid(),
  name: z.string(),
  siteId: z.uuid().nullable(),
  repeats: z.number().int(),
  tiers: z.array(
    z.object({
      contactIds: z.array(z.uuid()),
      channels: z.array(z.enum(notificationChannels)),
      delaySeconds: z.number().int(),
    }),
  ),
  createdAt: isoTime,
});
export type EscalationPolicyDto = z.infer<typeof escalationPolicyDto>;

export const deliveryDto = z.object({
  id: z.uuid(),
  contactName: z.string().nullable(),
  channel: z.enum(notificationChannels),
  recipient: z.string().nullable(),
  round: z.number().int(),
  tier: z.number().int(),
  attempts: z.number().int(),
  status: z.enum(["queued", "sent", "failed", "skipped"]),
  providerId: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: isoTime,
  sentAt: nullableIsoTime,
});
export type DeliveryDto = z.infer<typeof deliveryDto>;

// The audit log's shapes: what can be recorded (entity types and actions, one
// tuple each that the recorder, the API filter and the page all use), where a
// request came from, an entry as the API answers it, and the list's filters.
import { z } from "zod";
import { roles } from "./api";
import { isoTime } from "./iso-time";

export const auditEntityTypes = [
  "tenant",
  "user",
  "contact",
  "escalation_policy",
  "alert_rules",
  "site",
  "checkpoint",
  "tour",
  "guard",
  "device",
  "alert",
  "ml_model",
  "training_run",
] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

export const auditActions = [
  "create",
  "update",
  "delete",
  "assign",
  "unassign",
  "revoke",
  "rotate_credentials",
  "send_command",
  "set_config",
  "claim",
  "acknowledge",
  "resolve",
  "note",
  "promote",
  "start",
  "cancel",
  "deactivate",
  "reactivate",
  "set_password",
  "change_password",
  "send_password_reset",
  "reset_password",
  "reset_totp",
  "enable_totp",
  /** "Test this policy": a test notification sent to the policy's first tier. */
  "test",
  "set_pins",
] as const;
export type AuditAction = (typeof auditActions)[number];

/** Where a change came from: the client's address (after trusted proxies), its user agent, and how it signed in. */
export type RequestOrigin = { ip: string | null; userAgent: string | null; channel: "web" | "api" | "link" };

export const auditEventDto = z.object({
  id: z.uuid(),
  at: isoTime,
  actor: z
    .object({ userId: z.uuid(), email: z.string().nullable(), role: z.enum(roles).nullable() })
    .nullable()
    .describe("The user as they were then; null for a contact acting through a signed alert link."),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().describe("The id the API names the entity by (a device's or guard's external id)."),
  before: z.unknown().describe("The entity before the change (null when created); secrets read [redacted]."),
  after: z.unknown().describe("The entity after the change (null when deleted); secrets read [redacted]."),
  withheld: z
    .boolean()
    .describe(
      "true: before and after are left out for this role (users, tenants, contacts, escalation policies and device " +
        "configurations are read by admins only).",
    ),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  channel: z
    .string()
    .nullable()
    .describe("web (browser session), api (token) or link (a signed alert link, or a password reset link)."),
});
export type AuditEventDto = z.infer<typeof auditEventDto>;

/** GET /api/v1/audit-events: newest first, a page at a time (keyset: the cursor is the last entry's). */
export const listAuditEventsQuery = z
  .object({
    actor: z.string().trim().min(1).max(254).optional().describe("A user's id or email (as it was when they acted)."),
    entityType: z.enum(auditEntityTypes).optional(),
    entityId: z.string().trim().min(1).max(200).optional(),
    action: z.enum(auditActions).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(512).optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), {
    message: "from must not be after to",
    path: ["from"],
  });
export type ListAuditEventsQuery = z.infer<typeof listAuditEventsQuery>;

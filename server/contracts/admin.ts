// Request and response shapes of the admin API: tenants (super-admin) and the
// users of a tenant with their roles.
import { z } from "zod";
import { newPassword } from "./account";
import { roles } from "./api";
import { isoTime } from "./iso-time";

export const createTenantInput = z.object({
  name: z.string().trim().min(1).max(200),
  adminEmail: z.email().max(254),
  adminPassword: newPassword,
});
export type CreateTenantInput = z.infer<typeof createTenantInput>;

export const tenantDto = z.object({
  id: z.uuid(),
  name: z.string(),
  adminEmail: z.string().nullable(),
  users: z.number().int(),
  createdAt: isoTime,
});
export type TenantDto = z.infer<typeof tenantDto>;

/** The sites an operator or supervisor is limited to; empty: the whole tenant (server/auth/site-scope.ts). */
const userSiteIds = z
  .array(z.uuid())
  .max(500)
  .describe("Operators and supervisors only: the sites they see and are notified of; empty for the whole tenant.");

export const createUserInput = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200),
  role: z.enum(roles),
  password: newPassword,
  siteIds: userSiteIds.optional(),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z
  .object({
    role: z.enum(roles).optional(),
    name: z.string().trim().min(1).max(200).optional(),
    disabled: z.boolean().optional(),
    siteIds: userSiteIds.optional(),
  })
  .refine((u) => Object.values(u).some((value) => value !== undefined), {
    message: "give a role, a name, disabled or siteIds",
    path: ["role"],
  });
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const userDto = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  disabled: z.boolean(),
  /** Two-factor sign-in (TOTP) is on. */
  totpEnabled: z.boolean(),
  /** The sites the user is limited to; empty: the whole tenant. */
  siteIds: z.array(z.uuid()),
  createdAt: isoTime,
});
export type UserDto = z.infer<typeof userDto>;

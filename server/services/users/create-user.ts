// An admin adds a user with a role to their own tenant, an operator or a
// supervisor possibly limited to some of its sites (user-site-ids.ts).
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { users } from "../../../db/schema";
import type { CreateUserInput, UserDto } from "../../contracts/admin";
import { toUserDto } from "../../presenters/users/list-users";
import type { Actor } from "../../auth/actor";
import { hashPassword } from "../../auth/password";
import { recordAuditEvent } from "../audit/record-audit-event";
import { refuseDuplicate } from "../unique-violation";
import { userSiteIds } from "./user-site-ids";

export async function createUser(db: Db, actor: Actor, input: CreateUserInput): Promise<UserDto> {
  const passwordHash = await hashPassword(input.password);
  const email = input.email.trim().toLowerCase();
  return refuseDuplicate({
    field: "email",
    conflict: "That email is already in use.",
    unavailable: "This email cannot be used; choose another.",
    takenByCaller: async () =>
      (await db.$count(
        users,
        and(eq(users.tenantId, actor.tenantId), isNull(users.deletedAt), sql`lower(${users.email}) = ${email}`),
      )) > 0,
    work: () =>
      db.transaction(async (tx) => {
        const siteIds = await userSiteIds(tx, actor.tenantId, { role: input.role, asked: input.siteIds, current: [] });
        const [row] = await tx
          .insert(users)
          .values({ tenantId: actor.tenantId, email, name: input.name, role: input.role, passwordHash, siteIds })
          .returning();
        const user = toUserDto(row!);
        await recordAuditEvent(tx, actor, { action: "create", entityType: "user", entityId: user.id, after: user });
        return user;
      }),
  });
}

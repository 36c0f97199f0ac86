// An admin adds a user with a role to their own tenant.
import type { Db } from "../../../db/client";
import { users } from "../../../db/schema";
import type { CreateUserInput, UserDto } from "../../contracts/admin";
import { toUserDto } from "../../presenters/users/list-users";
import type { Actor } from "../actor";
import { hashPassword } from "../auth/password";
import { unavailableOnDuplicate } from "../unique-violation";

export async function createUser(db: Db, actor: Actor, input: CreateUserInput): Promise<UserDto> {
  const passwordHash = await hashPassword(input.password);
  const [row] = await unavailableOnDuplicate("email", "This email cannot be used; choose another.", () =>
    db
      .insert(users)
      .values({
        tenantId: actor.tenantId,
        email: input.email.trim().toLowerCase(),
        name: input.name,
        role: input.role,
        passwordHash,
      })
      .returning(),
  );
  return toUserDto(row!);
}

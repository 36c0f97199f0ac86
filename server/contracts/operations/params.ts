// Path parameters and role lists that several operations share.
import { z } from "zod";

export const uuidParams = z.object({ id: z.uuid() });
export const externalIdParams = z.object({ externalId: z.string().min(1).max(128) });
export const ADMIN = ["admin"] as const;
export const MANAGERS = ["admin", "manager"] as const;

// "Change history": an entity's entries in the audit log, shown to the roles
// that may read the log (the page and the API check again).
import Link from "next/link";
import type { UserRole } from "@/server/contracts/api";
import type { AuditEntityType } from "@/server/contracts/audit";
import { listAuditEvents } from "@/server/contracts/operations/audit";

type Props = { role: UserRole; entityType: AuditEntityType; entityId: string };

export function ChangeHistoryLink({ role, entityType, entityId }: Props) {
  if (!listAuditEvents.roles?.includes(role)) return null;
  const query = new URLSearchParams({ entityType, entityId });
  return (
    <Link className="btn-ghost" href={`/admin/audit?${query.toString()}`}>
      Change history
    </Link>
  );
}

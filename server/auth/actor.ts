// Who is acting: every service and presenter takes it and scopes its queries
// to actor.tenantId (and to actor.siteIds, site-scope.ts), so no caller can
// forget the tenant or the user's sites.
import type { UserRole } from "../contracts/api";
import type { RequestOrigin } from "../contracts/audit";

export type Actor = {
  tenantId: string;
  userId: string;
  role: UserRole;
  email: string;
  /** The operator of the whole installation: may create and list tenants (absent: no). */
  isSuperAdmin?: boolean;
  /**
   * The tenant requires a second factor and this user has none yet: until they enrol, the API answers 403 and
   * pages send them to /account (absent: no).
   */
  mustEnrolTotp?: boolean;
  /**
   * The sites an operator or supervisor is limited to (server/auth/site-scope.ts); absent: the whole tenant.
   * Never empty when present.
   */
  siteIds?: readonly string[];
  /** Where the request came from (set by the API wrapper), for the audit log; absent outside a request. */
  origin?: RequestOrigin;
};

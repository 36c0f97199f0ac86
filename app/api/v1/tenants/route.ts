// GET /api/v1/tenants?limit=&cursor= - every tenant (super-admin only).
// POST {name, adminEmail, adminPassword} - a new tenant and its first admin (super-admin only).
import { createTenantInput } from "@/server/contracts/admin";
import { pageQuery } from "@/server/contracts/pagination";
import { apiRoute, json } from "@/server/http/api-route";
import { listTenants } from "@/server/presenters/tenants/list-tenants";
import { createTenant } from "@/server/services/tenants/create-tenant";

export const GET = apiRoute({ route: "/api/v1/tenants", query: pageQuery }, ({ actor, query, runtime }) =>
  listTenants(runtime.db, actor, query),
);

export const POST = apiRoute({ route: "/api/v1/tenants", body: createTenantInput }, async ({ actor, body, runtime }) =>
  json(await createTenant(runtime.db, actor, body), 201),
);

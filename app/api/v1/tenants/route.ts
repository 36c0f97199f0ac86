// GET /api/v1/tenants?limit=&cursor= - every tenant (super-admin only).
// POST {name, adminEmail, adminPassword} - a new tenant and its first admin (super-admin only).
import * as op from "@/server/contracts/operations/admin";
import { apiRoute } from "@/server/http/api-route";
import { listTenants } from "@/server/presenters/tenants/list-tenants";
import { createTenant } from "@/server/services/tenants/create-tenant";

export const GET = apiRoute(op.listTenants, ({ actor, query, runtime }) => listTenants(runtime.db, actor, query));

export const POST = apiRoute(op.createTenant, ({ actor, body, runtime }) => createTenant(runtime.db, actor, body));

// Tenants (the installation's super-admin) and the users of a tenant.
import { createTenantInput, createUserInput, tenantDto, updateUserInput, userDto } from "../admin";
import { defineOperation } from "../operation";
import { pageOf, pageQuery } from "../pagination";
import { ADMIN, uuidParams } from "./params";

const superAdminOnly = "Only the installation's super-admin manages tenants.";

export const listTenants = defineOperation({
  method: "get",
  path: "/api/v1/tenants",
  summary: "Every tenant with its first admin and user count (the installation's super-admin only).",
  tag: "Admin",
  query: pageQuery,
  response: { status: 200, description: "A page of tenants and the cursor of the next.", schema: pageOf(tenantDto) },
  errors: [403],
  errorNotes: { 403: superAdminOnly },
});

export const createTenant = defineOperation({
  method: "post",
  path: "/api/v1/tenants",
  summary: "Create a tenant and its first admin (the installation's super-admin only).",
  tag: "Admin",
  body: createTenantInput,
  response: { status: 201, description: "The new tenant.", schema: tenantDto },
  errors: [403, 409],
  errorNotes: { 403: superAdminOnly, 409: "The admin's email is already in use." },
});

export const listUsers = defineOperation({
  method: "get",
  path: "/api/v1/users",
  summary: "The tenant's users with their roles.",
  tag: "Admin",
  roles: ADMIN,
  query: pageQuery,
  response: { status: 200, description: "A page of users and the cursor of the next.", schema: pageOf(userDto) },
});

export const createUser = defineOperation({
  method: "post",
  path: "/api/v1/users",
  summary: "Add a user with a role to the tenant.",
  tag: "Admin",
  roles: ADMIN,
  body: createUserInput,
  response: { status: 201, description: "The new user.", schema: userDto },
  errors: [409],
  errorNotes: {
    409: "That email is already in use in the caller's tenant.",
    422: "Invalid input, an email that cannot be used (taken in another tenant), or `siteIds` naming a site not of the tenant or given to an admin or a manager; `issues` names it.",
  },
});

export const updateUser = defineOperation({
  method: "patch",
  path: "/api/v1/users/{id}",
  summary:
    "Change a user's role, name, access or sites; disabling ends their sessions at once, and an operator or " +
    "supervisor given sites sees and is notified of only those sites' guards, devices and alerts.",
  tag: "Admin",
  roles: ADMIN,
  params: uuidParams,
  body: updateUserInput,
  response: { status: 200, description: "The user as saved.", schema: userDto },
  errors: [404],
  errorNotes: {
    403: "Not an admin, or a change to one's own role or access, or to the super-admin's.",
    422: "Invalid input; or `siteIds` names a site not of the tenant, or is given to an admin or a manager.",
  },
});

export const deleteUser = defineOperation({
  method: "delete",
  path: "/api/v1/users/{id}",
  summary:
    "Remove a user: their sessions end at once and they cannot sign in; past alert events still name them, and " +
    "their email can be given to a new user.",
  tag: "Admin",
  roles: ADMIN,
  params: uuidParams,
  response: { status: 204, description: "Removed." },
  errors: [404, 409],
  errorNotes: {
    403: "Not an admin, or the super-admin removed by someone else.",
    409: "The caller themself, or the tenant's last active admin.",
  },
});

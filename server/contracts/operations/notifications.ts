// Who is told about alerts: contacts and escalation policies.
import { contactDto, createContactInput, createEscalationPolicyInput, escalationPolicyDto } from "../api";
import { defineOperation } from "../operation";
import { pageOf, pageQuery } from "../pagination";
import { ADMIN } from "./params";

export const listContacts = defineOperation({
  method: "get",
  path: "/api/v1/contacts",
  summary: "People notified about alerts, a page at a time.",
  tag: "Notifications",
  roles: ADMIN,
  query: pageQuery,
  response: { status: 200, description: "A page of contacts and the cursor of the next.", schema: pageOf(contactDto) },
});

export const createContact = defineOperation({
  method: "post",
  path: "/api/v1/contacts",
  summary: "Add a contact.",
  tag: "Notifications",
  roles: ADMIN,
  body: createContactInput,
  response: { status: 201, description: "The new contact.", schema: contactDto },
});

export const listEscalationPolicies = defineOperation({
  method: "get",
  path: "/api/v1/escalation-policies",
  summary: "Escalation policies: who is told, how, and after how long.",
  tag: "Notifications",
  roles: ADMIN,
  query: pageQuery,
  response: {
    status: 200,
    description: "A page of policies and the cursor of the next.",
    schema: pageOf(escalationPolicyDto),
  },
});

export const createEscalationPolicy = defineOperation({
  method: "post",
  path: "/api/v1/escalation-policies",
  summary: "Add an escalation policy.",
  tag: "Notifications",
  roles: ADMIN,
  body: createEscalationPolicyInput,
  response: { status: 201, description: "The new policy.", schema: escalationPolicyDto },
  errors: [409],
  errorNotes: {
    409: "The tenant's default policy (no siteId), or that site's policy, exists already.",
    422: "Invalid input, or a contact or site that is not the caller's tenant's; `issues` names it.",
  },
});

// Who is told about alerts: contacts and escalation policies.
import {
  contactDto,
  createContactInput,
  createEscalationPolicyInput,
  escalationPolicyDto,
  policyTestDto,
  updateContactInput,
  updateEscalationPolicyInput,
} from "../notifications";
import { defineOperation } from "../operation";
import { pageOf, pageQuery } from "../pagination";
import { ADMIN, uuidParams } from "./params";

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
    409: "The tenant's default policy (empty match) exists already.",
    422: "Invalid input, or a contact or site that is not the caller's tenant's; `issues` names it.",
  },
});

export const updateContact = defineOperation({
  method: "patch",
  path: "/api/v1/contacts/{id}",
  summary: "Change a contact's name, phone or email; the next notification goes to the new number or address.",
  tag: "Notifications",
  roles: ADMIN,
  params: uuidParams,
  body: updateContactInput,
  response: { status: 200, description: "The contact as saved.", schema: contactDto },
  errors: [404],
  errorNotes: { 422: "Invalid input, or a change that would leave neither phone nor email; `issues` names it." },
});

export const deleteContact = defineOperation({
  method: "delete",
  path: "/api/v1/contacts/{id}",
  summary:
    "Remove a contact: taken out of every policy's tiers, skipped by escalations in flight, its queued deliveries " +
    "skipped; past deliveries still name it.",
  tag: "Notifications",
  roles: ADMIN,
  params: uuidParams,
  response: { status: 204, description: "Removed." },
  errors: [404],
});

export const updateEscalationPolicy = defineOperation({
  method: "patch",
  path: "/api/v1/escalation-policies/{id}",
  summary:
    "Change a policy's name, match, priority, quiet hours, repeats or tiers; escalations in flight follow the " +
    "change from their next step.",
  tag: "Notifications",
  roles: ADMIN,
  params: uuidParams,
  body: updateEscalationPolicyInput,
  response: { status: 200, description: "The policy as saved.", schema: escalationPolicyDto },
  errors: [404, 409],
  errorNotes: {
    409: "The change would make a second default policy (empty match).",
    422: "Invalid input, or a contact or site that is not the caller's tenant's; `issues` names it.",
  },
});

export const testEscalationPolicy = defineOperation({
  method: "post",
  path: "/api/v1/escalation-policies/{id}/test",
  summary:
    "Send a test notification (text starting with TEST) to every contact and channel of the policy's first tier, " +
    "now, on a test alert that is resolved from the start; its page shows the deliveries.",
  tag: "Notifications",
  roles: ADMIN,
  params: uuidParams,
  response: { status: 202, description: "The test alert and how many deliveries were queued.", schema: policyTestDto },
  errors: [404],
});

export const deleteEscalationPolicy = defineOperation({
  method: "delete",
  path: "/api/v1/escalation-policies/{id}",
  summary: "Remove a policy; alerts then follow the default policy (or, for the default, notify nobody).",
  tag: "Notifications",
  roles: ADMIN,
  params: uuidParams,
  response: { status: 204, description: "Removed." },
  errors: [404],
});

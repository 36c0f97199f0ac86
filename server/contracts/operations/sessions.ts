// Signing in and out, and the OpenAPI document itself.
import { z } from "zod";
import { loginInput } from "../api";
import { isoTime } from "../iso-time";
import { defineOperation } from "../operation";

export const signIn = defineOperation({
  method: "post",
  path: "/api/v1/sessions",
  summary:
    "Sign in with email and password (and `totpCode` when the user has two-factor sign-in); answers an API token for the Authorization: Bearer header.",
  tag: "Sessions",
  auth: false,
  body: loginInput,
  response: { status: 201, description: "Signed in.", schema: z.object({ token: z.string(), expiresAt: isoTime }) },
  errors: [401, 429],
  errorNotes: {
    401: "Wrong email or password; or, for a user with two-factor sign-in, a missing, wrong or used `totpCode` (`issues` names it).",
  },
});

export const signOut = defineOperation({
  method: "delete",
  path: "/api/v1/sessions/current",
  summary: "Sign out: revokes the token or cookie session used for this request.",
  tag: "Sessions",
  whileEnrolling: true,
  response: { status: 204, description: "Signed out." },
});

export const getOpenApiDocument = defineOperation({
  method: "get",
  path: "/api/v1/openapi.json",
  summary: "This document.",
  tag: "Meta",
  auth: false,
  response: {
    status: 200,
    description: "The OpenAPI 3.1 document of /api/v1.",
    schema: z.looseObject({ openapi: z.literal("3.1.0"), paths: z.record(z.string(), z.unknown()) }),
  },
});

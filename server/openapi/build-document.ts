// The OpenAPI 3.1 document of /api/v1, generated from the operations the
// route handlers are built from (server/contracts/operations/) and their zod
// schemas (zod's own JSON Schema output, which OpenAPI 3.1 takes as is).
// Requests are described as the client sends them (io: "input": defaults
// optional), answers as the server writes them.
import { z, type ZodType } from "zod";
import type { Operation } from "../contracts/operation";
import { SESSION_COOKIE } from "../auth/session-token";
import { operations } from "./operations";

type JsonSchema = Record<string, unknown>;

const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

const errorText: Record<number, string> = {
  401: "Not signed in, or the session or token has expired.",
  403: "The caller's role may not do this, the tenant requires a second factor the caller has not set up yet (/account), or a cookie request came from another origin.",
  404: "No such row in the caller's tenant.",
  409: "Conflicts with the current state; the message says why.",
  413: "The body is larger than HTTP_MAX_BODY_BYTES or JSON nested deeper than 32 levels.",
  422: "Invalid input; `issues` names each field.",
  429: "Too many attempts; see Retry-After.",
};

function jsonSchema(schema: ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

function parameters(schema: ZodType | undefined, where: "path" | "query") {
  if (!schema) return [];
  const object = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || (object.required ?? []).includes(name),
    ...(typeof property.description === "string" ? { description: property.description } : {}),
    schema: property,
  }));
}

function successContent({ response }: Operation): Record<string, unknown> {
  if (response.status === 204) return {};
  return {
    content: {
      "application/json": { schema: jsonSchema(response.schema, "output") },
      ...(response.csv ? { "text/csv": { schema: { type: "string" } } } : {}),
    },
  };
}

function responses(op: Operation) {
  const errors = [
    // 403 also when the tenant requires a second factor the caller has not set up yet (`whileEnrolling` aside).
    ...(op.auth === false ? [] : [401]),
    ...(op.roles || (op.auth !== false && !op.whileEnrolling) ? [403] : []),
    ...(op.params || op.query || op.body ? [422] : []),
    ...(op.body ? [413] : []),
    ...(op.errors ?? []),
  ];
  const error = { content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  return {
    [op.response.status]: { description: op.response.description, ...successContent(op) },
    ...Object.fromEntries(
      [...new Set(errors)]
        .sort()
        .map((code) => [code, { description: op.errorNotes?.[code] ?? errorText[code] ?? "Error.", ...error }]),
    ),
  };
}

function operationObject(op: Operation) {
  const who = op.auth === false ? "No sign-in needed." : `Roles: ${(op.roles ?? ["any signed-in role"]).join(", ")}.`;
  return {
    operationId: `${op.method}${op.path.replace("/api/v1", "").replace(/[^A-Za-z0-9]+(.)?/g, (_m, c?: string) => (c ?? "").toUpperCase())}`,
    summary: op.summary,
    description: who,
    tags: [op.tag],
    ...(op.auth === false ? { security: [] } : {}),
    parameters: [...parameters(op.params, "path"), ...parameters(op.query, "query")],
    ...(op.body
      ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body, "input") } } } }
      : {}),
    responses: responses(op),
  };
}

export function buildOpenApiDocument({ serverUrl }: { serverUrl?: string } = {}) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method] = operationObject(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "Vigil API",
      version: "1",
      description:
        "Vigil's REST API. Authenticate with `Authorization: Bearer <token>` (POST /api/v1/sessions) or, " +
        "in the browser, the session cookie (mutations then need a same-origin Origin header). " +
        "Every answer is scoped to the caller's tenant.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ bearer: [] }, { cookie: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A token from POST /api/v1/sessions." },
        cookie: { type: "apiKey", in: "cookie", name: SESSION_COOKIE, description: "The web console's session." },
      },
      schemas: { Error: jsonSchema(errorBody, "output") },
    },
  };
}

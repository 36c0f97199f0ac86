// The one wrapper every /api/v1 route handler goes through, built from the
// operation's definition (server/contracts/operations/): authentication, role
// check, zod parsing of body, query and params, the success status, and the
// mapping of errors to HTTP statuses (AppError codes; zod failures become 422
// naming the field path).
import type { z, ZodType } from "zod";
import type { Operation } from "../contracts/operation";
import { AppError, type FieldIssue } from "../observability/app-error";
import { componentLogger } from "../observability/logger";
import { metrics } from "../observability/metrics";
import { getRuntime, type Runtime } from "../runtime";
import type { Actor } from "../auth/actor";
import type { RequestOrigin } from "../contracts/audit";
import { readJsonBody } from "./body-limit";
import { authenticateRequest } from "../auth/request-auth";
import { sessionCookieName } from "../auth/session-cookie";

const logger = componentLogger("http");

const TOTP_ENROLMENT_NEEDED =
  "Your organisation requires two-factor sign-in: set it up on your Account page (/account) first.";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

type HandlerArgs<B, Q, P> = {
  actor: Actor;
  token: string;
  /** How the caller reached us, for the alert event log: "web" (browser session) or "api" (token). */
  channel: "web" | "api";
  body: B;
  query: Q;
  params: P;
  request: Request;
  runtime: Runtime;
};

type PublicHandlerArgs<B> = { body: B; request: Request; runtime: Runtime };

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers });
}

function zodIssues(error: z.ZodError, prefix: string): FieldIssue[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join("."),
    message: i.message,
  }));
}

function parse<T>(schema: ZodType<T> | undefined, value: unknown, prefix: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = zodIssues(result.error, prefix);
  throw new AppError(
    "invalid_input",
    `Invalid ${issues.map((i) => i.path || prefix).join(", ")}: ${issues[0]?.message}`,
    {
      issues,
    },
  );
}

function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds) headers["retry-after"] = String(error.retryAfterSeconds);
    return json({ error: { code: error.code, message: error.message, issues: error.issues } }, error.status, headers);
  }
  logger.error({ err: error }, "unhandled API error");
  return json({ error: { code: "internal", message: "Something went wrong on our side." } }, 500);
}

async function measured(route: string, request: Request, run: () => Promise<Response>): Promise<Response> {
  const end = metrics.httpDuration.startTimer({ route, method: request.method });
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    response = errorResponse(error);
  }
  end();
  metrics.httpRequests.inc({ route, method: request.method, status: String(response.status) });
  return response;
}

/** The handler's answer: a Response as it is, else the operation's success status with the value as JSON. */
function toResponse(result: unknown, { response }: Operation<unknown, unknown, unknown, unknown>): Response {
  if (result instanceof Response) return result;
  return response.status === 204 ? new Response(null, { status: 204 }) : json(result, response.status);
}

/** The metrics label of the route: `/api/v1/alerts/:id` (the form the dashboards already group by). */
function routeLabel(operation: Operation<unknown, unknown, unknown, unknown>): string {
  return operation.path.replace(/\{(\w+)\}/g, ":$1");
}

/**
 * The handler of a signed-in operation. It returns the success answer's value (checked against the response schema
 * by the compiler), nothing for a 204, or a Response of its own (CSV, JSON built by PostgreSQL).
 */
export function apiRoute<P, Q, B, R>(
  operation: Operation<P, Q, B, R>,
  handler: (args: HandlerArgs<B, Q, P>) => Promise<NoInfer<R> | Response>,
) {
  if (operation.auth === false) throw new Error(`${operation.path} is public: build it with publicApiRoute`);
  const route = routeLabel(operation);
  return (request: Request, context: RouteContext) =>
    measured(route, request, async () => {
      const runtime = getRuntime();
      const found = await authenticateRequest(runtime.db, request, {
        cookieName: sessionCookieName(runtime.env),
        publicUrl: runtime.env.PUBLIC_URL,
      });
      const { token, via } = found;
      const channel = via === "cookie" ? "web" : "api";
      // The services record where a change came from (audit log) from the actor they are given.
      const actor: Actor = { ...found.actor, origin: requestOrigin(request.headers, channel) };
      if (actor.mustEnrolTotp && !operation.whileEnrolling) {
        throw new AppError("forbidden", TOTP_ENROLMENT_NEEDED);
      }
      if (operation.roles && !operation.roles.includes(actor.role)) {
        throw new AppError("forbidden", `This needs one of the roles: ${operation.roles.join(", ")}.`);
      }
      const params = parse(operation.params, await context.params, "params");
      const query = parse(operation.query, Object.fromEntries(new URL(request.url).searchParams), "query");
      const body = operation.body
        ? parse(operation.body, await readJsonBody(request, runtime.env.HTTP_MAX_BODY_BYTES), "")
        : (undefined as B);
      return toResponse(await handler({ actor, token, channel, body, query, params, request, runtime }), operation);
    });
}

/** For the few operations that need no session (signing in, the signed alert link, the VAPID key). */
export function publicApiRoute<B, R>(
  operation: Operation<undefined, undefined, B, R>,
  handler: (args: PublicHandlerArgs<B>) => Promise<NoInfer<R> | Response>,
) {
  if (operation.auth !== false) throw new Error(`${operation.path} needs a session: build it with apiRoute`);
  const route = routeLabel(operation);
  return (request: Request) =>
    measured(route, request, async () => {
      const runtime = getRuntime();
      const body = operation.body
        ? parse(operation.body, await readJsonBody(request, runtime.env.HTTP_MAX_BODY_BYTES), "")
        : (undefined as B);
      return toResponse(await handler({ body, request, runtime }), operation);
    });
}

export function clientIp(request: Request): string {
  // Set by server/roles/start-web.ts from the socket and the trusted proxies (never taken from the client).
  return request.headers.get("x-vigil-client-ip") ?? "unknown";
}

/** Where a request came from, as the audit log records it. */
export function requestOrigin(headers: Pick<Headers, "get">, channel: RequestOrigin["channel"]): RequestOrigin {
  return { ip: headers.get("x-vigil-client-ip"), userAgent: headers.get("user-agent"), channel };
}

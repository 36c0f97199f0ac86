// One /api/v1 operation, defined once: its method and path, who may call it,
// the zod schemas of its path parameters, query, body and success answer, and
// the words of its documentation. The route handler is built from it
// (server/http/api-route.ts) and the OpenAPI document is generated from it
// (server/openapi/build-document.ts), so the two cannot drift apart.
import type { ZodType } from "zod";
import type { UserRole } from "./api";

type Method = "get" | "post" | "put" | "patch" | "delete";

/** The success answer: a JSON body described by its schema (and, for reports, a CSV download), or 204 and no body. */
type Success<R> =
  | { status: 200 | 201 | 202; description: string; schema: ZodType<R>; csv?: true }
  | { status: 204; description: string };

export type Operation<P = unknown, Q = unknown, B = unknown, R = unknown> = {
  method: Method;
  /** OpenAPI's form, `/api/v1/alerts/{id}`; the route.ts lives in the folder of the same name. */
  path: string;
  summary: string;
  tag: string;
  /** false: no session needed (signing in, this document). */
  auth?: false;
  /**
   * Callable before the user has set up the second factor their tenant requires (their account, signing out);
   * every other operation answers 403 until then.
   */
  whileEnrolling?: true;
  /** Roles allowed; every signed-in role when absent. */
  roles?: readonly UserRole[];
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  response: Success<R>;
  /** Error statuses this operation answers with besides 401/403/413/422 (e.g. 404, 409). */
  errors?: readonly number[];
  /** What an error status means here, where the general wording does not fit. */
  errorNotes?: Partial<Record<number, string>>;
};

/** Keeps the schemas' types, so that the route handler built from the operation is typed by them. */
export function defineOperation<P = undefined, Q = undefined, B = undefined, R = void>(
  operation: Operation<P, Q, B, R>,
): Operation<P, Q, B, R> {
  return operation;
}

// Same-origin JSON calls to /api/v1 from the browser. The session cookie
// authenticates them and fetch sends the Origin header that cookie-signed
// mutations need. A failure carries the API's message and, for 422s and
// 409s, one message per field path so forms can show it beside the field.
type ApiFailure = { ok: false; status: number; message: string; fields: Record<string, string> };
export type ApiResult<T> = { ok: true; data: T } | ApiFailure;

type ErrorBody = { error?: { message?: string; issues?: { path: string; message: string }[] } };

export async function apiRequest<T>(
  path: string,
  { method = "GET", body }: { method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; body?: unknown } = {},
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return {
      ok: false,
      status: 0,
      message: "Vigil cannot be reached; check the connection and try again.",
      fields: {},
    };
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: payload as T };
  if (response.status === 401) window.location.assign("/login");
  const error = (payload as ErrorBody | null)?.error;
  const fields: Record<string, string> = {};
  for (const issue of error?.issues ?? []) fields[issue.path] ??= issue.message;
  return {
    ok: false,
    status: response.status,
    message: error?.message ?? `Request failed (${response.status}).`,
    fields,
  };
}

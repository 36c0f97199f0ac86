// Request bodies are bounded before anything parses them: a declared
// Content-Length beyond HTTP_MAX_BODY_BYTES is refused by the server before
// Next or a route sees the request (every route, pages and server actions
// included), and the API wrapper reads a body without a length (chunked) only
// up to the same limit. JSON nested deeper than MAX_JSON_DEPTH is refused
// before JSON.parse: no API input is nested half as deep.
import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "../observability/app-error";

export const MAX_JSON_DEPTH = 32;

const tooLarge = (maxBytes: number) =>
  new AppError("payload_too_large", `The request body is larger than ${maxBytes} bytes.`);

/** Answers 413 and returns true when the request declares a body larger than `maxBytes`. */
export function refuseOversizedBody(req: IncomingMessage, res: ServerResponse, maxBytes: number): boolean {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (!(declared > maxBytes)) return false;
  const body = JSON.stringify({ error: { code: "payload_too_large", message: tooLarge(maxBytes).message } });
  // The rest of the body is not read: the connection closes after the answer.
  res.writeHead(413, { "content-type": "application/json", connection: "close" }).end(body);
  return true;
}

async function readText(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The deepest nesting of arrays and objects in a JSON text (brackets inside strings do not count). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) deepest = Math.max(deepest, ++depth);
    else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return deepest;
}

/** The JSON body ({} when empty), or 413 beyond `maxBytes` or MAX_JSON_DEPTH, or 400 when it is not JSON. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const text = await readText(request, maxBytes);
  if (text.length === 0) return {};
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    throw new AppError("payload_too_large", `The request body is nested deeper than ${MAX_JSON_DEPTH} levels.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
}

// What the HTTP ingest adapters share: the request's target, a bounded body read and a JSON answer.
import type { IncomingMessage } from "node:http";

/** A request's path and its query string (without the `?`). */
export type RequestTarget = { pathname: string; search: string };

/** Split by hand: a URL object costs 2% of a fix posted, and these paths are compared as they are sent. */
export function targetOf(url: string): RequestTarget {
  const mark = url.indexOf("?");
  return mark === -1 ? { pathname: url, search: "" } : { pathname: url.slice(0, mark), search: url.slice(mark + 1) };
}

export type Answer = { status: number; body: unknown; headers?: Record<string, string> };

export function jsonAnswer(status: number, body: unknown, headers?: Record<string, string>): Answer {
  return headers ? { status, body, headers } : { status, body };
}

/** The request body, or null past `maxBytes` (a declared length past it is refused earlier, body-limit.ts). */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  // Events rather than `for await`: a device posts every fix, and the async iterator costs several times more.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      // Too large: answered at once, and the rest is read and dropped.
      req.off("data", onData).resume();
      resolve(null);
    };
    req.on("data", onData);
    req.once("end", () => resolve(size > maxBytes ? null : Buffer.concat(chunks, size)));
    req.once("error", reject);
  });
}

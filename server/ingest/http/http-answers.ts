// What the HTTP ingest adapters share: a bounded body read, a JSON answer,
// and a publish to the broker that gives up after a bound (a broker away is
// a 503 to the device, which retries, not a request left hanging).
import type { IncomingMessage } from "node:http";

export type Answer = { status: number; body: unknown; headers?: Record<string, string> };

const PUBLISH_TIMEOUT_MS = 5_000;

export function jsonAnswer(status: number, body: unknown, headers?: Record<string, string>): Answer {
  return headers ? { status, body, headers } : { status, body };
}

/** The request body, or null past `maxBytes` (a declared length past it is refused earlier, body-limit.ts). */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** True once the broker has acknowledged the publish (QoS 1), false after the bound. */
export async function publishWithin(published: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), PUBLISH_TIMEOUT_MS)));
  try {
    return await Promise.race([published.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

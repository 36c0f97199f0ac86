// What the HTTP ingest adapters share: a bounded body read and a JSON answer.
import type { IncomingMessage } from "node:http";

export type Answer = { status: number; body: unknown; headers?: Record<string, string> };

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

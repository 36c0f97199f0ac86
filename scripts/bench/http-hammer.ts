// Sends HTTP/1.1 requests as fast as a fixed number of keep-alive connections
// allow (one request at a time on each, the next as soon as the answer is in),
// for a fixed time: requests answered per second and their statuses. The load
// generator shares the machine's two cores with Vigil and its database, so it
// writes each request as one string on a raw socket and reads only the status
// line and the body's length: about half autocannon's CPU per request
// (BENCHMARKS.md), which Vigil then has.
import net from "node:net";

export type HammerRequest = { path: string; headers?: Record<string, string>; body?: string };

type Hammered = { perSecond: number; statuses: Record<number, number> };

/** The status of the answer at the start of `data` and where it ends, once all of it is in. */
function answerEnd(data: Buffer): { status: number; end: number } | undefined {
  const headEnd = data.indexOf("\r\n\r\n");
  if (headEnd < 0) return undefined;
  const head = data.toString("latin1", 0, headEnd).toLowerCase();
  const status = Number(head.slice(9, 12));
  const length = /\r\ncontent-length: *(\d+)/.exec(head);
  if (length) {
    const end = headEnd + 4 + Number(length[1]);
    return data.length >= end ? { status, end } : undefined;
  }
  if (!head.includes("\r\ntransfer-encoding: chunked")) return { status, end: headEnd + 4 };
  const last = data.indexOf("\r\n0\r\n\r\n", headEnd + 2);
  return last < 0 ? undefined : { status, end: last + 7 };
}

export async function hammer(
  origin: string,
  method: "GET" | "POST",
  next: () => HammerRequest,
  { concurrency = 32, seconds = 10 }: { concurrency?: number; seconds?: number } = {},
): Promise<Hammered> {
  const url = new URL(origin);
  const statuses: Record<number, number> = {};
  const deadline = performance.now() + seconds * 1000;
  let inTime = 0;

  function requestText(): string {
    const { path, headers = {}, body = "" } = next();
    let text = `${method} ${path} HTTP/1.1\r\nhost: ${url.host}\r\n`;
    for (const name in headers) text += `${name}: ${headers[name]}\r\n`;
    if (method === "POST") text += `content-length: ${Buffer.byteLength(body)}\r\n`;
    return `${text}\r\n${body}`;
  }

  function connection(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: url.hostname, port: Number(url.port) });
      socket.setNoDelay(true);
      let received = Buffer.alloc(0);
      let done = false;
      const send = () => {
        if (performance.now() >= deadline) {
          done = true;
          socket.end(resolve);
        } else socket.write(requestText());
      };
      socket.on("connect", send);
      socket.on("data", (chunk) => {
        received = received.length === 0 ? chunk : Buffer.concat([received, chunk]);
        const answer = answerEnd(received);
        if (!answer) return;
        received = received.subarray(answer.end);
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        if (performance.now() < deadline) inTime += 1;
        send();
      });
      socket.on("error", reject);
      socket.on("close", () => {
        if (!done) reject(new Error("the server closed a keep-alive connection"));
      });
    });
  }

  await Promise.all(Array.from({ length: concurrency }, connection));
  return { perSecond: Math.round(inTime / seconds), statuses };
}

// The METRICS_PORT server, on a thread of its own: /metrics answers from the
// latest snapshot the main thread sent (at most about a second old), so a
// scrape never waits behind ingest work on the main event loop. /healthz and
// /readyz are asked of the main thread, since they must say whether it answers.
// Plain JavaScript: a worker thread does not get tsx's loader.
import { createServer } from "node:http";
import { parentPort, workerData } from "node:worker_threads";

let snapshot = { contentType: "text/plain", body: "", renderedAt: 0 };
const pending = new Map();
let nextId = 0;

function send(res, status, contentType, body, headers = {}) {
  res.writeHead(status, { "content-type": contentType, "cache-control": "no-store", ...headers });
  res.end(body);
}

parentPort.on("message", (message) => {
  if (message.type === "snapshot") snapshot = message;
  if (message.type === "answer") {
    const res = pending.get(message.id);
    pending.delete(message.id);
    if (res) send(res, message.status, message.contentType, message.body);
  }
});

const server = createServer((req, res) => {
  const path = (req.url ?? "").split("?")[0];
  if (path === "/metrics") {
    send(res, 200, snapshot.contentType, snapshot.body, {
      "x-vigil-metrics-age-ms": String(Date.now() - snapshot.renderedAt),
    });
  } else if (path === "/healthz" || path === "/readyz") {
    const id = nextId++;
    pending.set(id, res);
    res.on("close", () => pending.delete(id));
    parentPort.postMessage({ type: "ask", id, path });
  } else {
    send(res, 404, "text/plain", "not found\n");
  }
});
server.on("error", (error) => parentPort.postMessage({ type: "failed", message: error.message }));
server.listen(workerData.port, workerData.host, () => parentPort.postMessage({ type: "listening" }));

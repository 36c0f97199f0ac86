// `npm run verify`'s tour check: a one-off tour "Verify tour" of the Verify
// site for verify-g, due now (re-dated on each run), with two checkpoints:
// "Verify gate" proven by a QR scan over MQTT (its receipt awaited) and
// "Verify post" by an ordinary GPS fix at its point (inside the verify fence).
// Passes when the worker made the run (saving the tour asks it to at once; its
// cron would within a minute) and the run is completed with one visit by each method.
import type { CheckpointDto, TourDto, TourRunDto } from "../contracts/patrols";
import { api, msgId } from "./lib/vigil-api";
import { GUARD, publishAs, until, type Check } from "./verify/context";

const TOUR = "Verify tour";
/** Saving the tour queues the worker's pass at once; its cron runs every minute in any case. */
const RUN_WAIT_MS = 75_000;

async function ensureCheckpoint(
  url: string,
  token: string,
  siteId: string,
  body: { name: string; lat?: number; lon?: number; radiusM?: number },
): Promise<CheckpointDto> {
  const listed = await api<CheckpointDto[]>(url, `/api/v1/sites/${siteId}/checkpoints`, { token });
  const found = listed.body.find?.((c) => c.name === body.name);
  const saved = found
    ? await api<CheckpointDto>(url, `/api/v1/sites/${siteId}/checkpoints/${found.id}`, { method: "PATCH", token, body })
    : await api<CheckpointDto>(url, `/api/v1/sites/${siteId}/checkpoints`, { method: "POST", token, body });
  if (saved.status >= 300)
    throw new Error(`checkpoint ${body.name}: HTTP ${saved.status} ${JSON.stringify(saved.body)}`);
  return saved.body;
}

async function ensureTour(url: string, token: string, siteId: string, body: Record<string, unknown>): Promise<TourDto> {
  const listed = await api<TourDto[]>(url, `/api/v1/sites/${siteId}/tours`, { token });
  const found = listed.body.find?.((t) => t.name === TOUR);
  const { name: _name, ...patch } = body;
  const saved = found
    ? await api<TourDto>(url, `/api/v1/sites/${siteId}/tours/${found.id}`, { method: "PATCH", token, body: patch })
    : await api<TourDto>(url, `/api/v1/sites/${siteId}/tours`, { method: "POST", token, body });
  if (saved.status >= 300) throw new Error(`tour: HTTP ${saved.status} ${JSON.stringify(saved.body)}`);
  return saved.body;
}

export const tourCheck: Check = {
  name: "a tour run is made, walked by QR scan and GPS, and completed",
  run: async (ctx) => {
    const { url, fix, receipts, waitMs } = ctx;
    const token = () => ctx.token;
    const guard = GUARD;
    const publish = publishAs(ctx);
    const sites = await api<{ id: string; name: string }[]>(url, "/api/v1/sites", { token: token() });
    const siteId = sites.body.find?.((s) => s.name === "Verify site")?.id;
    if (!siteId) throw new Error("no Verify site (the geofence check makes it)");
    const gate = await ensureCheckpoint(url, token(), siteId, { name: "Verify gate" });
    const post = await ensureCheckpoint(url, token(), siteId, { name: "Verify post", ...fix, radiusM: 30 });
    const startAt = new Date();
    const tour = await ensureTour(url, token(), siteId, {
      name: TOUR,
      checkpointIds: [gate.id, post.id],
      ordered: true,
      startAt: startAt.toISOString(),
      windowMinutes: 10,
      repeatMinutes: null,
      guardExternalId: guard,
    });
    const runs = async () =>
      (
        await api<TourRunDto[]>(url, `/api/v1/tour-runs?siteId=${siteId}&guardExternalId=${guard}&limit=20`, {
          token: token(),
        })
      ).body.filter?.((r) => r.tourId === tour.id && Date.parse(r.dueAt) === startAt.getTime()) ?? [];
    const made = await until("the run made by the worker", async () => (await runs())[0], RUN_WAIT_MS);
    const madeAfterS = Math.round((Date.now() - startAt.getTime()) / 1000);

    const scan = msgId();
    const timestamp = () => new Date().toISOString();
    await publish(`guard/${guard}/checkpoint`, {
      code: gate.code,
      method: "qr",
      timestamp: timestamp(),
      msg_id: scan,
    });
    await until("the scan's receipt", async () => receipts.some((r) => r.msgId === scan), waitMs);
    // The ingest processes learn the run's GPS targets by NOTIFY: a fix sent before they did is not a visit,
    // so the guard stands at the post, reporting, until the run is over.
    const done = await until(
      "the run completed",
      async () => {
        await publish(`guard/${guard}/gps`, { ...fix, accuracy: 5, timestamp: timestamp(), msg_id: msgId() });
        const run = (await runs())[0];
        return run?.status === "completed" ? run : undefined;
      },
      waitMs,
    );
    const methods = done.checkpoints.map((c) => `${c.name} by ${c.method}`).join(", ");
    if (methods !== "Verify gate by qr, Verify post by gps") throw new Error(`visits: ${methods}`);
    return `run ${made.id} made ${madeAfterS} s after it was due; completed: ${methods}`;
  },
};

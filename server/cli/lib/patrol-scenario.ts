// The simulator's `patrol` scenario: site Sim HQ gets four checkpoints and a
// tour "Sim patrol" for the first guard (due every 5 minutes, 4 minutes to
// walk, any order), made unless they exist. Each step the guard's phone scans
// the next checkpoint of the open run over MQTT (QoS 1, with a msg_id), but
// never the last one: every round is missed and raises a patrol-missed alert,
// while the NOC's progress bar moves with each scan.
import type { MqttClient } from "mqtt";
import type { CheckpointDto, TourDto, TourRunDto } from "../../contracts/patrols";
import { api, msgId } from "./vigil-api";

const CHECKPOINTS = ["Sim gate", "Sim loading bay", "Sim roof", "Sim back door"];
const TOUR = "Sim patrol";

async function ensureCheckpoints(url: string, token: string, siteId: string): Promise<CheckpointDto[]> {
  const listed = await api<CheckpointDto[]>(url, `/api/v1/sites/${siteId}/checkpoints`, { token });
  const found: CheckpointDto[] = [];
  for (const name of CHECKPOINTS) {
    const existing = listed.body.find((c) => c.name === name);
    if (existing) {
      found.push(existing);
      continue;
    }
    const made = await api<CheckpointDto>(url, `/api/v1/sites/${siteId}/checkpoints`, {
      method: "POST",
      token,
      body: { name },
    });
    if (made.status !== 201) throw new Error(`create checkpoint ${name}: HTTP ${made.status}`);
    found.push(made.body);
  }
  return found;
}

async function ensureTour(url: string, token: string, siteId: string, guardExternalId: string): Promise<TourDto> {
  const checkpoints = await ensureCheckpoints(url, token, siteId);
  const listed = await api<TourDto[]>(url, `/api/v1/sites/${siteId}/tours`, { token });
  const existing = listed.body.find((t) => t.name === TOUR);
  if (existing) return existing;
  const made = await api<TourDto>(url, `/api/v1/sites/${siteId}/tours`, {
    method: "POST",
    token,
    body: {
      name: TOUR,
      checkpointIds: checkpoints.map((c) => c.id),
      ordered: false,
      startAt: new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString(),
      windowMinutes: 4,
      repeatMinutes: 5,
      guardExternalId,
    },
  });
  if (made.status !== 201) throw new Error(`create tour: HTTP ${made.status} ${JSON.stringify(made.body)}`);
  return made.body;
}

type PatrolScenario = { step: () => Promise<void> };

export async function startPatrolScenario({
  url,
  token,
  siteId,
  guardExternalId,
  client,
  log,
}: {
  url: string;
  token: string;
  siteId: string;
  guardExternalId: string;
  client: MqttClient;
  log: (message: string) => void;
}): Promise<PatrolScenario> {
  const tour = await ensureTour(url, token, siteId, guardExternalId);
  const codes = new Map((await ensureCheckpoints(url, token, siteId)).map((c) => [c.id, c.code]));
  const skipped = tour.checkpointIds[tour.checkpointIds.length - 1];
  client.on("message", (topic, raw) => {
    if (topic !== `guard/${guardExternalId}/receipts`) return;
    const body = JSON.parse(raw.toString()) as { result?: string; checkpoint_id?: string };
    if (body.result) log(`${guardExternalId} scan receipt: ${body.result}`);
  });
  await client.subscribeAsync(`guard/${guardExternalId}/receipts`, { qos: 1 });
  log(`tour ${TOUR} at Sim HQ: ${guardExternalId} scans every checkpoint but the last each round (missed)`);
  return {
    async step() {
      const runs = await api<TourRunDto[]>(url, `/api/v1/tour-runs?siteId=${siteId}&status=open`, { token });
      const run = runs.body.find?.((r) => r.tourId === tour.id);
      const next = run?.checkpoints.find((c) => c.visitedAt === null && c.checkpointId !== skipped);
      const code = next && codes.get(next.checkpointId);
      if (!next || !code) return;
      log(`${guardExternalId} scans ${next.name}`);
      const scan = { code, method: "qr", timestamp: new Date().toISOString(), msg_id: msgId() };
      client.publish(`guard/${guardExternalId}/checkpoint`, JSON.stringify(scan), { qos: 1 });
    },
  };
}

// npm run test:load [-- --devices 2000 --minutes 5 --panics-per-second 10]
// The load guarantees (docs/reliability.md) against an all-in-one Vigil with its embedded
// broker (devices log in with their own credentials, as in the field): every
// phone reports GPS every 5 s while panics arrive at a steady rate; a panic's
// receipt (sent after its alert row commits) and its NOC banner event are
// timed. Then every phone drops and reconnects within 10 s. Prints the figures
// that docs/reliability.md records.
import { parseArgs } from "node:util";
import postgres from "postgres";
import { io } from "socket.io-client";
import type { AlertDto } from "../../server/contracts/socket-events";
import { startFakeProviders } from "../../test/harness/fake-providers";
import { connectPhone, gpsFix, panic, registerPhones, type Phone } from "./load-devices";
import { summary } from "./stats";
import { login, startVigilProcess } from "./vigil-process";

const { values } = parseArgs({
  options: {
    devices: { type: "string", default: "2000" },
    minutes: { type: "string", default: "5" },
    "panics-per-second": { type: "string", default: "10" },
  },
});
const deviceCount = Number(values.devices);
const seconds = Number(values.minutes) * 60;
const panicsPerSecond = Number(values["panics-per-second"]);
const REPORT_EVERY_MS = 5000;
const TICK_MS = 50;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function postJson(url: string, token: string, route: string, body: unknown): Promise<{ id: string }> {
  const response = await fetch(`${url}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${route} answered ${response.status}`);
  return (await response.json()) as { id: string };
}

async function connectAll(mqttUrl: string, phones: Phone[], onReceipt: (msgId: string) => void, spreadMs: number) {
  const startedAt = Date.now();
  const connectMs: number[] = [];
  const results = await Promise.allSettled(
    phones.map(async (phone) => {
      await sleep(Math.random() * spreadMs);
      await connectPhone(mqttUrl, phone, onReceipt, startedAt + 60_000);
      connectMs.push(Date.now() - startedAt);
    }),
  );
  const failed = results.filter((r) => r.status === "rejected").length;
  return { connected: phones.length - failed, failed, lastMs: Math.max(...connectMs), ...summary(connectMs) };
}

async function main(): Promise<void> {
  const fake = await startFakeProviders();
  // Every panic notifies the same supervisor: the per-number and per-tenant SMS limits would skip most of them,
  // which is not under test (every SMS is sent, as the worst case for the worker).
  const vigil = await startVigilProcess({
    env: { ...fake.vigilEnv, SMS_PER_NUMBER_PER_MINUTE: "1000", SMS_TENANT_PER_HOUR: "100000" },
  });
  const sql = postgres(vigil.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const phones = await registerPhones(vigil.databaseUrl, deviceCount);
    const token = await login(vigil.url);
    const contact = await postJson(vigil.url, token, "/api/v1/contacts", {
      name: "Load Supervisor",
      phone: "+919800000010",
      email: "load@vigil.local",
    });
    await postJson(vigil.url, token, "/api/v1/escalation-policies", {
      name: "Load",
      tiers: [{ contactIds: [contact.id], channels: ["sms", "email"], delaySeconds: 0 }],
    });

    const panicSentAt = new Map<string, number>();
    const receiptMs: number[] = [];
    const onReceipt = (msgId: string) => {
      const t0 = panicSentAt.get(msgId);
      if (t0 === undefined) return;
      panicSentAt.delete(msgId);
      receiptMs.push(Date.now() - t0);
    };
    const initial = await connectAll(vigil.mqttUrl, phones, onReceipt, 10_000);
    console.log(`${initial.connected} of ${phones.length} phones connected (last after ${initial.lastMs} ms)`);

    // Banner: the first alerts:changed showing a source's nth panic (dedupe counts repeats on the open alert).
    const panicTimes = new Map<string, number[]>();
    const bannerMs: number[] = [];
    const bannered = new Set<string>();
    const socket = io(vigil.url, { auth: { token }, transports: ["websocket"] });
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    socket.on("alerts:changed", (alerts: AlertDto[]) => {
      const now = Date.now();
      for (const a of alerts) {
        const key = `${a.sourceExternalId}#${a.count}`;
        const t0 = panicTimes.get(a.sourceExternalId)?.[a.count - 1];
        if (a.type !== "panic" || t0 === undefined || bannered.has(key)) continue;
        bannered.add(key);
        bannerMs.push(now - t0);
      }
    });

    let fixesAcked = 0;
    let panicsSent = 0;
    const startedAt = Date.now();
    let tick = 0;
    let nextReport = startedAt + REPORT_EVERY_MS;
    const ticksPerCycle = 5000 / TICK_MS;
    const panicEveryTicks = Math.max(1, Math.round(1000 / panicsPerSecond / TICK_MS));
    const panicsPerTick = Math.max(1, Math.round((panicsPerSecond * TICK_MS) / 1000));
    while (Date.now() - startedAt < seconds * 1000) {
      const slot = tick % ticksPerCycle;
      for (let i = slot; i < phones.length; i += ticksPerCycle) {
        phones[i]!.client?.publishAsync(`guard/${phones[i]!.guardId}/gps`, gpsFix(), { qos: 1 }).then(
          () => (fixesAcked += 1),
          () => {},
        );
      }
      if (tick % panicEveryTicks === 0) {
        for (let k = 0; k < panicsPerTick; k++) {
          const phone = phones[(panicsSent * 7919) % phones.length]!;
          const msgId = `load-panic-${panicsSent}`;
          const now = Date.now();
          panicSentAt.set(msgId, now);
          for (const id of [phone.deviceId, phone.guardId]) panicTimes.set(id, [...(panicTimes.get(id) ?? []), now]);
          phone.client?.publish(`alert/panic/${phone.guardId}`, panic(msgId), { qos: 1 });
          panicsSent += 1;
        }
      }
      tick += 1;
      if (Date.now() >= nextReport) {
        nextReport += REPORT_EVERY_MS;
        const s = Math.round((Date.now() - startedAt) / 1000);
        console.log(`${s} s: ${fixesAcked} fixes acknowledged, ${panicsSent} panics, ${receiptMs.length} receipts`);
      }
      await sleep(startedAt + tick * TICK_MS - Date.now());
    }
    await sleep(5000); // the last receipts and banners
    socket.close();
    const [stored] = await sql<{ n: number }[]>`
      select count(*)::int as n from guard_locations where received_at >= ${new Date(startedAt)}`;

    // Reconnect storm: every phone drops at once and comes back within 10 s.
    await Promise.all(phones.map((p) => p.client?.endAsync(true)));
    for (const p of phones) p.client = undefined;
    await sleep(2000);
    const storm = await connectAll(vigil.mqttUrl, phones, () => {}, 10_000);

    const receipt = summary(receiptMs);
    const banner = summary(bannerMs);
    console.log(
      [
        `Load: ${phones.length} phones reporting every 5 s and ${panicsPerSecond} panics/s for ${seconds} s (embedded broker, all-in-one Vigil)`,
        `GPS fixes acknowledged by the broker ${fixesAcked}, stored ${stored!.n} (rows received in the run)`,
        `panics sent ${panicsSent}; receipts ${receipt.n}: panic -> alert row (receipt at the phone) p50 ${receipt.p50} ms, p99 ${receipt.p99} ms (budget p99 < 1 s)`,
        `panic -> NOC banner event: ${banner.n} samples, p50 ${banner.p50} ms, p99 ${banner.p99} ms (budget p99 < 2 s)`,
        `reconnect storm: ${storm.connected} of ${phones.length} connected within 60 s, ${storm.failed} failed; last after ${storm.lastMs} ms (connections spread over 10 s; p50 ${storm.p50} ms, p99 ${storm.p99} ms)`,
      ].join("\n"),
    );
    await Promise.all(phones.map((p) => p.client?.endAsync(true)));
  } finally {
    await sql.end();
    await vigil.stop();
    await fake.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

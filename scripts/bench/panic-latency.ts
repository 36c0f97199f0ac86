// Panic to NOC and to the notification providers: panics published at a set
// rate from different guards; measured at a Socket.IO client (the banner's
// event) and at a local fake of Twilio's and Resend's APIs (the providers'
// requests), all in this process's clock.
import mqtt from "mqtt";
import { io } from "socket.io-client";
import type { AlertDto } from "../../server/contracts/socket-events";
import type { FakeProviders } from "../../test/harness/fake-providers";
import { summary } from "./stats";

async function post(url: string, token: string, route: string, body: unknown) {
  const response = await fetch(`${url}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { id: string };
}

export async function panicLatency({
  vigilUrl,
  mqttUrl,
  token,
  fake,
  guards,
  rate,
  warmUp,
}: {
  vigilUrl: string;
  mqttUrl: string;
  token: string;
  fake: FakeProviders;
  guards: string[];
  rate: number;
  /** The first panics, timed but not in the percentiles: the first after the start runs cold code paths. */
  warmUp: number;
}) {
  const contact = await post(vigilUrl, token, "/api/v1/contacts", {
    name: "Bench Supervisor",
    phone: "+919800000009",
    email: "bench@vigil.local",
  });
  await post(vigilUrl, token, "/api/v1/escalation-policies", {
    name: "Bench",
    tiers: [{ contactIds: [contact.id], channels: ["sms", "email"], delaySeconds: 0 }],
  });
  const sentAt = new Map<string, number>();
  const banner = new Map<string, number>();
  const sms = new Map<string, number>();
  const email = new Map<string, number>();
  const socket = io(vigilUrl, { auth: { token }, transports: ["websocket"] });
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  socket.on("alerts:changed", (alerts: AlertDto[]) => {
    const now = Date.now();
    for (const a of alerts) {
      const t0 = sentAt.get(a.sourceExternalId);
      // The first event that shows the panic is the banner; later ones (the model's score) update it.
      if (t0 === undefined || a.type !== "panic" || banner.has(a.sourceExternalId)) continue;
      banner.set(a.sourceExternalId, now - t0);
    }
  });
  let seen = 0;
  const poll = setInterval(() => {
    const now = Date.now();
    for (; seen < fake.requests.length; seen += 1) {
      const request = fake.requests[seen]!;
      const text = request.provider === "twilio" ? request.body.Body : request.body.text;
      const guard = /\((bench-g-\d+)\)/.exec(String(text))?.[1];
      const t0 = guard ? sentAt.get(guard) : undefined;
      const to = request.provider === "twilio" ? sms : email;
      if (t0 !== undefined && !to.has(guard!)) to.set(guard!, now - t0);
    }
  }, 2);
  const client = await mqtt.connectAsync(mqttUrl, { clientId: `bench-panic-${process.pid}` });
  for (const guard of guards) {
    sentAt.set(guard, Date.now());
    client.publish(
      `alert/panic/${guard}`,
      JSON.stringify({
        alert_type: "panic",
        severity: "critical",
        message: "bench",
        location: { lat: 12.97, lon: 77.59 },
      }),
      { qos: 2 },
    );
    await new Promise((resolve) => setTimeout(resolve, 1000 / rate));
  }
  const deadline = Date.now() + 30_000;
  while ((sms.size < guards.length || email.size < guards.length) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  clearInterval(poll);
  socket.close();
  await client.endAsync();
  const measured = guards.slice(warmUp);
  const figures = (by: Map<string, number>) => ({
    ...summary(measured.flatMap((g) => by.get(g) ?? [])),
    first: by.get(guards[0]!) ?? Number.NaN,
  });
  return { banner: figures(banner), sms: figures(sms), email: figures(email) };
}

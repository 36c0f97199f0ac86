// verify's checks of what follows a message: an invalid payload quarantined
// and counted, a panic's alert and receipt, the live Socket.IO feed, the
// metrics moving, and (with an escalation policy) the panic's notifications.
import { api, metricSum, msgId } from "../lib/vigil-api";
import { GUARD, messagesTotal, metricsOf, publishAs, until, type Check } from "./context";

export const alarmChecks: Check[] = [
  {
    name: "invalid payload is quarantined and counted",
    run: async (ctx) => {
      const { url, waitMs, token } = ctx;
      const publish = publishAs(ctx);
      const metrics = () => metricsOf(ctx);
      const before = metricSum(await metrics(), "vigil_mqtt_messages_total");
      const marker = msgId();
      await publish(`guard/${GUARD}/gps`, { lat: "north", lon: 77.59, msg_id: marker });
      await until(
        "the quarantine row",
        async () => {
          const { body } = await api<{ items: { topic: string; receivedAt: string; payload: unknown }[] }>(
            url,
            "/api/v1/quarantine?limit=50",
            { token },
          );
          return body?.items?.some(
            (q) => q.topic === `guard/${GUARD}/gps` && JSON.stringify(q.payload).includes(marker),
          );
        },
        waitMs,
      );
      const after = await until(
        "vigil_mqtt_messages_total moving",
        async () => {
          const n = messagesTotal(await metrics());
          return n > before ? n : undefined;
        },
        waitMs,
      );
      return `quarantined; vigil_mqtt_messages_total ${before} -> ${after}`;
    },
  },
  {
    name: "panic raises an alert and a receipt",
    run: async (ctx) => {
      const { url, waitMs, started, fix, token, receipts } = ctx;
      const publish = publishAs(ctx);
      const id = msgId();
      await publish(
        `alert/panic/${GUARD}`,
        {
          alert_type: "panic",
          severity: "critical",
          message: "verify: panic pipeline check",
          location: fix,
          timestamp: new Date().toISOString(),
          msg_id: id,
        },
        2,
      );
      const alert = await until(
        "an open panic alert from verify-g",
        async () => {
          const { body } = await api<{ id: string; type: string; sourceExternalId: string; lastSeenAt: string }[]>(
            url,
            "/api/v1/alerts?status=open&limit=200",
            { token },
          );
          return Array.isArray(body)
            ? body.find(
                (a) =>
                  a.type === "panic" && a.sourceExternalId === GUARD && Date.parse(a.lastSeenAt) >= started.getTime(),
              )
            : undefined;
        },
        waitMs,
      );
      ctx.panicAlertId = alert.id;
      const receipt = await until("the receipt", async () => receipts.find((r) => r.msgId === id), waitMs);
      return `alert ${alert.id}; receipt on ${receipt.topic}`;
    },
  },
  {
    name: "Socket.IO pushes guard:positions and alerts:changed",
    run: async (ctx) => {
      const { waitMs, socketEvents } = ctx;
      await until(
        "guard:positions and alerts:changed",
        async () => socketEvents.positions > 0 && socketEvents.alerts > 0,
        waitMs,
      ).catch(() => {
        throw new Error(`got ${socketEvents.positions} guard:positions and ${socketEvents.alerts} alerts:changed`);
      });
      return `${socketEvents.positions} guard:positions, ${socketEvents.alerts} alerts:changed`;
    },
  },
  {
    name: "metrics are moving",
    run: async (ctx) => {
      const { metricsBefore } = ctx;
      const metrics = () => metricsOf(ctx);
      const now = await metrics();
      const accepted = (text: string) => metricSum(text, "vigil_mqtt_messages_total", { result: "accepted" });
      const delta = accepted(now) - accepted(metricsBefore);
      if (delta < 3) throw new Error(`vigil_mqtt_messages_total{result="accepted"} moved by ${delta}, expected >= 3`);
      return `accepted messages +${delta}`;
    },
  },
  {
    name: "notifications for the alert",
    run: async (ctx) => {
      const { url, waitMs, token, panicAlertId } = ctx;
      const { body: policies } = await api<{ items?: unknown[] }>(url, "/api/v1/escalation-policies?limit=1", {
        token,
      });
      if (!policies.items?.length) return "skipped: no escalation policy";
      if (!panicAlertId) throw new Error("no panic alert to look at");
      const deliveries = await until(
        "delivery rows on the panic alert",
        async () => {
          const { body } = await api<{ deliveries?: { channel: string; status: string }[] }>(
            url,
            `/api/v1/alerts/${panicAlertId}`,
            {
              token,
            },
          );
          return body?.deliveries?.length ? body.deliveries : undefined;
        },
        waitMs,
      );
      return `${deliveries.length} deliveries (${deliveries.map((d) => `${d.channel}:${d.status}`).join(", ")})`;
    },
  },
];

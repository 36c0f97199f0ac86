// The supervisor's signed link: the mobile page shows the alert and
// acknowledges it without a password; expired or tampered links are refused
// with a way to sign in. The event log names the contact.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertDetailDto, AlertListItemDto } from "../../contracts/alert-api";
import type { ContactDto } from "../../contracts/notifications";
import type { AuditEventDto } from "../../contracts/audit";
import type { Page } from "../../contracts/pagination";
import { api, createGuardWithPhone } from "../../../test/harness/api-client";
import { connectDevice, endQuietly, publishJson } from "../../../test/harness/mqtt-device";
import { startTestVigil, type TestVigil } from "../../../test/harness/vigil";
import { waitFor } from "../../../test/harness/wait-for";
import { getRuntime } from "../../runtime";
import { acknowledgeAlertByLink } from "./acknowledge-alert-by-link";
import { signAlertLink } from "./alert-link";

let vigil: TestVigil;
let secret: string;
let contact: ContactDto;

beforeAll(async () => {
  vigil = await startTestVigil();
  secret = (JSON.parse(readFileSync(path.join(vigil.dataDir, "secrets.json"), "utf8")) as { sessionSecret: string })
    .sessionSecret;
  contact = (
    await api<ContactDto>(vigil.url, "/api/v1/contacts", {
      method: "POST",
      token: vigil.adminToken,
      body: { name: "Sam Supervisor", phone: "+919800000001" },
    })
  ).body;
});
afterAll(async () => {
  await vigil?.dispose();
});

async function panic(): Promise<AlertListItemDto> {
  const { guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken);
  const client = await connectDevice(vigil.mqttUrl, device.mqtt);
  await publishJson(client, `alert/panic/${guard.externalId}`, {
    alert_type: "panic",
    location: { lat: 12.97, lon: 77.59 },
  });
  await endQuietly(client);
  return waitFor(async () => {
    const { body } = await api<AlertListItemDto[]>(vigil.url, "/api/v1/alerts?status=open&limit=200", {
      token: vigil.adminToken,
    });
    return body.find((a) => a.sourceExternalId === guard.externalId);
  });
}

const link = (alertId: string, expiresAt = Date.now() + 3600_000) =>
  signAlertLink({ alertId, contactId: contact.id, expiresAt }, secret);

describe("signed alert links", () => {
  it("the mobile page shows the alert with an Acknowledge button and no sign-in", async () => {
    const alert = await panic();
    const page = await fetch(`${vigil.url}/m/alerts/${alert.id}?t=${link(alert.id)}`);
    // React separates adjacent text nodes with <!-- --> in server-rendered HTML.
    const html = (await page.text()).replaceAll("<!-- -->", "");
    expect(page.status).toBe(200);
    expect(html).toContain("PANIC");
    expect(html).toContain(">Acknowledge<");
    expect(html).toContain("For Sam Supervisor");
  });

  it("the page gives the link holder only what the link is for: no operator's email, internal note or score", async () => {
    const alert = await panic();
    const claimed = await api(vigil.url, `/api/v1/alerts/${alert.id}/claim`, {
      method: "POST",
      token: vigil.adminToken,
    });
    expect(claimed.status).toBe(200);
    const note = "Guard's ex-partner again; HR informed";
    await api(vigil.url, `/api/v1/alerts/${alert.id}/acknowledge`, { method: "POST", token: vigil.adminToken });
    const resolved = await api(vigil.url, `/api/v1/alerts/${alert.id}/resolve`, {
      method: "POST",
      token: vigil.adminToken,
      body: { outcome: "false_alarm", note },
    });
    expect(resolved.status).toBe(200);
    const { body: detail } = await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${alert.id}`, {
      token: vigil.adminToken,
    });
    expect(detail.claimedBy).toBeTruthy();
    expect(detail.resolutionNote).toBe(note);

    // The whole response, including the data React hands to the page's client components.
    const html = await (await fetch(`${vigil.url}/m/alerts/${alert.id}?t=${link(alert.id)}`)).text();
    expect(html).toContain("PANIC");
    for (const hidden of [detail.claimedBy!, "ex-partner", "resolutionNote", "claimedBy", "falseAlarmScore"]) {
      expect(html, hidden).not.toContain(hidden);
    }
  });

  it("an expired or tampered link gets a clear message and a way to sign in", async () => {
    const alert = await panic();
    const expired = await (await fetch(`${vigil.url}/m/alerts/${alert.id}?t=${link(alert.id, Date.now() - 1)}`)).text();
    expect(expired).toContain("This link has expired.");
    expect(expired).toContain('href="/login"');
    const other = await panic();
    const wrongAlert = await (await fetch(`${vigil.url}/m/alerts/${other.id}?t=${link(alert.id)}`)).text();
    expect(wrongAlert).toContain("This link is not valid for this alert.");
    expect(wrongAlert).not.toContain(">Acknowledge<");
  });

  it("acknowledging through the link records the contact and the link channel", async () => {
    const alert = await panic();
    const origin = { ip: "203.0.113.7", userAgent: "phone browser", channel: "link" as const };
    await acknowledgeAlertByLink(getRuntime(), link(alert.id), alert.id, secret, origin);
    const { body } = await api<AlertDetailDto>(vigil.url, `/api/v1/alerts/${alert.id}`, { token: vigil.adminToken });
    expect(body.status).toBe("ACKNOWLEDGED");
    expect(body.events.at(-1)).toMatchObject({ action: "acknowledged", channel: "link", by: "Sam Supervisor" });
    // The audit log names no user (a contact is none) but the contact, and where the link was opened.
    const audit = await api<Page<AuditEventDto>>(vigil.url, `/api/v1/audit-events?entityId=${alert.id}`, {
      token: vigil.adminToken,
    });
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        action: "acknowledge",
        actor: null,
        ip: "203.0.113.7",
        userAgent: "phone browser",
        channel: "link",
        after: expect.objectContaining({ status: "ACKNOWLEDGED", contactName: "Sam Supervisor" }),
      }),
    ]);
    await expect(acknowledgeAlertByLink(getRuntime(), link(alert.id), alert.id, secret)).rejects.toThrow(
      /^Already acknowledged by Sam Supervisor \(link\)/,
    );
  });
});

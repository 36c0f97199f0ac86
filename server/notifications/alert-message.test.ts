import { describe, expect, it } from "vitest";
import { alertEmail, alertPush, alertSms } from "./alert-message";

const panic = {
  type: "panic",
  severity: "critical",
  message: "Emergency assistance needed",
  sourceName: "Ravi Kumar",
  sourceExternalId: "guard-789",
  lat: 12.9716,
  lon: 77.5946,
};

describe("alert messages", () => {
  it("the SMS names the alert, the guard and the place first, and ends with the link", () => {
    expect(alertSms(panic, "https://noc/m/alerts/1?t=x")).toBe(
      '🚨 PANIC: Ravi Kumar (guard-789) at 12.97160°N, 77.59460°E. "Emergency assistance needed" Acknowledge: https://noc/m/alerts/1?t=x',
    );
  });

  it("a policy's test says TEST first in the SMS, the email's subject and first line, and the push title", () => {
    const test = { ...panic, type: "policy-test", severity: "info", test: true };
    expect(alertSms(test, "L")).toMatch(/^TEST - not a real alert\. POLICY-TEST: /);
    const email = alertEmail(test, "L");
    expect(email.subject).toMatch(/^TEST - not a real alert\. \[INFO\]/);
    expect(email.text.split("\n")[0]).toBe("TEST - not a real alert.");
    expect(alertPush({ ...test, id: "1" }, "L").title).toMatch(/^TEST - not a real alert\. /);
    expect(alertSms(panic, "L")).not.toContain("TEST");
  });

  it("southern and western coordinates and unknown locations read correctly", () => {
    expect(alertSms({ ...panic, lat: -33.8688, lon: -70.6693 }, "L")).toContain("33.86880°S, 70.66930°W");
    expect(alertSms({ ...panic, lat: null, lon: null }, "L")).toContain("at location unknown.");
  });

  it("the email has a severity subject, a map link and the acknowledge link", () => {
    const email = alertEmail(panic, "https://noc/m/alerts/1?t=x");
    expect(email.subject).toBe("[CRITICAL] panic from Ravi Kumar");
    expect(email.text).toContain("Map: https://www.openstreetmap.org/?mlat=12.9716&mlon=77.5946");
    expect(email.text.split("\n").at(-1)).toBe("Acknowledge or resolve: https://noc/m/alerts/1?t=x");
  });

  it("the push notification has the title, the severity and the link, one per alert", () => {
    expect(alertPush({ ...panic, id: "a1" }, "https://noc/m/alerts/a1?t=x")).toEqual({
      title: "🚨 PANIC: Ravi Kumar",
      body: "CRITICAL · guard-789 · 12.97160°N, 77.59460°E\nEmergency assistance needed",
      url: "https://noc/m/alerts/a1?t=x",
      tag: "alert-a1",
      severity: "critical",
    });
    expect(alertPush({ ...panic, id: "a1", severity: "medium", message: "" }, "L").body).toBe(
      "MEDIUM · guard-789 · 12.97160°N, 77.59460°E",
    );
  });
});

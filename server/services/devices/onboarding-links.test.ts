import { describe, expect, test } from "vitest";
import { onboardingLinks } from "./onboarding-links";

const login = { username: "phone-ravi", password: "s3cret+/=pw", trackingKey: "k".repeat(32) };

/** What the OwnTracks app reads from the link: the base64 .otrc after `inline=` (booklet, remote configuration). */
function configurationOf(link: string): Record<string, unknown> {
  const url = new URL(link);
  expect(url.protocol).toBe("owntracks:");
  expect(url.pathname).toBe("/config");
  const inline = url.searchParams.get("inline")!;
  return JSON.parse(Buffer.from(inline, "base64").toString("utf8")) as Record<string, unknown>;
}

describe("onboarding links", () => {
  test("the MQTT link configures OwnTracks with the login, the broker and the settings Vigil requires", () => {
    const { ownTracksMqtt } = onboardingLinks(login, {
      webUrl: "https://noc.example.com",
      mqttUrl: "mqtts://mqtt.example.com:8883",
    });
    expect(configurationOf(ownTracksMqtt)).toMatchObject({
      _type: "configuration",
      mode: 0,
      host: "mqtt.example.com",
      port: 8883,
      tls: true,
      auth: true,
      username: "phone-ravi",
      password: "s3cret+/=pw",
      clientId: "phone-ravi",
      pubRetain: false,
      pubQos: 1,
      sub: false,
      cmd: true,
    });
  });

  test("the base64 survives query-string decoding ('+' is percent-encoded, not read as a space)", () => {
    const password = "a".repeat(61) + "~~~"; // base64 of '~~~' runs give '+' and '/'
    const { ownTracksMqtt } = onboardingLinks({ ...login, password }, { webUrl: "http://x", mqttUrl: "mqtt://x" });
    // The precondition: this configuration's base64 has a '+'.
    expect(decodeURIComponent(ownTracksMqtt.split("inline=")[1]!)).toContain("+");
    expect(ownTracksMqtt).not.toMatch(/inline=[^&]*\+/);
    expect(configurationOf(ownTracksMqtt).password).toBe(password);
  });

  test("plain mqtt:// without a port means 1883 without TLS; HTTP mode posts to the OwnTracks endpoint", () => {
    const { ownTracksMqtt, ownTracksHttp, traccarClient } = onboardingLinks(login, {
      webUrl: "http://192.168.1.20:3000/",
      mqttUrl: "mqtt://192.168.1.20",
    });
    expect(configurationOf(ownTracksMqtt)).toMatchObject({ port: 1883, tls: false });
    expect(configurationOf(ownTracksHttp)).toMatchObject({
      mode: 3,
      url: "http://192.168.1.20:3000/api/v1/ingest/owntracks",
      username: "phone-ravi",
      password: "s3cret+/=pw",
    });
    expect(traccarClient).toEqual({
      serverUrl: "http://192.168.1.20:3000/api/v1/ingest/osmand",
      deviceIdentifier: login.trackingKey,
    });
  });
});

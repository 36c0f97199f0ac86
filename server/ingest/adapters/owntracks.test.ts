// The OwnTracks adapter's translation, on the booklet's payloads
// (owntracks.org/booklet/tech/json).
import { describe, expect, test } from "vitest";
import { fromOwnTracks } from "./owntracks";

const source = { deviceExternalId: "phone-1", deviceName: "iPhone", guardExternalId: "G-1" };
const adapt = (payload: unknown) => fromOwnTracks(Buffer.from(JSON.stringify(payload)), source, 64 * 1024);
const json = (buffer: Buffer) => JSON.parse(buffer.toString()) as Record<string, unknown>;

describe("OwnTracks to native uplinks", () => {
  test("a location is the guard's fix and the phone's telemetry, in Vigil's units", () => {
    const adapted = adapt({
      _type: "location",
      lat: 48.85833,
      lon: 2.29513,
      acc: 75,
      vel: 36,
      cog: 90,
      batt: 61,
      tst: 1376715317,
      tid: "YY",
    });
    expect(adapted.kind).toBe("native");
    if (adapted.kind !== "native") return;
    const [fix, telemetry] = adapted.uplinks;
    expect(fix!.topic).toBe("guard/G-1/gps");
    expect(json(fix!.payload)).toEqual({
      lat: 48.85833,
      lon: 2.29513,
      accuracy: 75,
      speed: 10,
      heading: 90,
      battery: 61,
      timestamp: "2013-08-17T04:55:17.000Z",
      msg_id: "owntracks:iPhone:location:1376715317",
      client_id: "iPhone",
      tid: "YY",
    });
    expect(telemetry!.topic).toBe("device/phone-1/telemetry");
    expect(json(telemetry!.payload)).toMatchObject({ battery: 61, timestamp: "2013-08-17T04:55:17.000Z" });
  });

  test("a payload cannot choose its message id or its topic", () => {
    const adapted = adapt({ _type: "location", lat: 1, lon: 2, batt: 50, msg_id: "forged", topic: "guard/other/gps" });
    if (adapted.kind !== "native") throw new Error("not adapted");
    expect(adapted.uplinks.map((u) => u.topic)).toEqual(["guard/G-1/gps", "device/phone-1/telemetry"]);
    expect(json(adapted.uplinks[0]!.payload).msg_id).toBeUndefined();
  });

  test("the battery level is the phone's telemetry only when due; a location without one is the fix alone", () => {
    const location = { _type: "location", lat: 1, lon: 2, batt: 61, tst: 1376715317 };
    const topics = (adapted: ReturnType<typeof adapt>) =>
      adapted.kind === "native" ? adapted.uplinks.map((u) => u.topic) : [];
    const notDue = fromOwnTracks(
      Buffer.from(JSON.stringify(location)),
      { ...source, batteryDue: () => false },
      64 * 1024,
    );
    expect(topics(notDue)).toEqual(["guard/G-1/gps"]);
    expect(json((notDue as { uplinks: { payload: Buffer }[] }).uplinks[0]!.payload).battery).toBe(61);
    expect(topics(adapt({ _type: "location", lat: 1, lon: 2, tst: 1376715317 }))).toEqual(["guard/G-1/gps"]);
  });

  test("a transition whose event is not a string is passed on for the pipeline to refuse, without throwing", () => {
    // Found by the hostile-payload property test: String() of this object throws.
    const adapted = adapt({ _type: "transition", event: { toString: 0 }, tst: 1376715317 });
    expect(adapted.kind).toBe("native");
    if (adapted.kind !== "native") return;
    expect(json(adapted.uplinks[0]!.payload)).not.toHaveProperty("msg_id");
  });

  test("lwt is the device going offline; other types are ignored", () => {
    expect(adapt({ _type: "lwt", tst: 1376715317 })).toEqual({ kind: "offline", deviceExternalId: "phone-1" });
    expect(adapt({ _type: "waypoints", waypoints: [] })).toEqual({ kind: "ignored", reason: "owntracks waypoints" });
    expect(adapt({ lat: 1 })).toEqual({ kind: "ignored", reason: "owntracks untyped" });
  });

  test("what is not a JSON object goes on unchanged, for the pipeline to quarantine with its reason", () => {
    for (const raw of [Buffer.from("not json"), Buffer.from([0xff, 0xfe]), Buffer.from("[1]")]) {
      expect(fromOwnTracks(raw, source, 1024)).toEqual({
        kind: "native",
        uplinks: [{ topic: "device/phone-1/telemetry", payload: raw }],
      });
    }
  });
});

import { describe, expect, test } from "vitest";
import { identifiedFor, runStage } from "../../../test/harness/pipeline-messages";
import { createDecodePayload } from "./decode-payload";
import { nativeUplink } from "../adapters/adapted-message";

const decode = createDecodePayload({ maxPayloadBytes: 256 });

function run(payload: Buffer | string) {
  const identified = identifiedFor("guard", Buffer.isBuffer(payload) ? payload : Buffer.from(payload));
  const { verdict, output: envelope } = runStage(decode, identified);
  return { verdict, envelope };
}

describe("decode_payload", () => {
  test("parses a JSON object into envelope.json", () => {
    const { verdict, envelope } = run('{"lat":12.97,"lon":77.59}');
    expect(verdict).toEqual({ ok: true });
    expect(envelope.json).toEqual({ lat: 12.97, lon: 77.59 });
  });

  test("accepts a payload of exactly the size limit and rejects one byte more", () => {
    const fits = `{"a":"${"x".repeat(256 - 8)}"}`;
    expect(Buffer.byteLength(fits)).toBe(256);
    expect(run(fits).verdict.ok).toBe(true);
    const tooBig = `{"a":"${"x".repeat(256 - 7)}"}`;
    expect(run(tooBig).verdict).toEqual({ ok: false, reason: "payload_too_large", detail: "257 bytes, limit 256" });
  });

  test("rejects invalid UTF-8", () => {
    expect(run(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])).verdict).toMatchObject({ ok: false, reason: "invalid_utf8" });
  });

  test.each([
    ["a raw NUL", '{"a":"x\u0000y"}'],
    ["an escaped NUL", '{"a":"x\\u0000y"}'],
  ])("rejects %s, which PostgreSQL text cannot hold", (_label, text) => {
    expect(run(text).verdict).toEqual({ ok: false, reason: "invalid_json", detail: "NUL character" });
  });

  test.each(["{lat: 1}", "{", "NaN", "", "lat=1"])("rejects text that is not JSON: %j", (text) => {
    expect(run(text).verdict).toMatchObject({ ok: false, reason: "invalid_json" });
  });

  test.each(["[1,2]", "42", "null", '"text"', "true"])("rejects JSON that is not an object: %s", (text) => {
    expect(run(text).verdict).toEqual({ ok: false, reason: "invalid_json", detail: "payload is not a JSON object" });
  });

  test("rejects objects nested deeper than 16 levels but accepts 16", () => {
    const nest = (depth: number) => '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
    expect(run(nest(16)).verdict.ok).toBe(true);
    expect(run(nest(17)).verdict).toEqual({ ok: false, reason: "invalid_json", detail: "nested deeper than 16" });
  });

  describe("a protocol adapter's uplink, made from an object", () => {
    function runMade(object: Record<string, unknown>) {
      const { payload, json } = nativeUplink("guard/x/gps", object);
      const identified = identifiedFor("guard", payload);
      return runStage(decode, { ...identified, message: { ...identified.message, json } });
    }

    test("is taken as the object it was made from, without the fields left undefined", () => {
      const { verdict, output } = runMade({ lat: 12.97, lon: 77.59, msg_id: undefined });
      expect(verdict).toEqual({ ok: true });
      expect(output.json).toEqual({ lat: 12.97, lon: 77.59 });
      expect(Object.keys(output.json ?? {})).toEqual(["lat", "lon"]);
    });

    test("is refused like a published payload when it carries a NUL, is too large or nested too deep", () => {
      expect(runMade({ lat: 1, note: "x\u0000y" }).verdict).toEqual({
        ok: false,
        reason: "invalid_json",
        detail: "NUL character",
      });
      expect(runMade({ note: "x".repeat(300) }).verdict).toMatchObject({ ok: false, reason: "payload_too_large" });
      const nested = JSON.parse('{"a":'.repeat(17) + "1" + "}".repeat(17)) as Record<string, unknown>;
      expect(runMade(nested).verdict).toEqual({ ok: false, reason: "invalid_json", detail: "nested deeper than 16" });
    });
  });
});

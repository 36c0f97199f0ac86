import { expect, test } from "vitest";
import { createPhoneTelemetry } from "./phone-telemetry";

test("a phone's battery level is due when it changes, or a minute after the last one sent, per phone", () => {
  let now = 0;
  const telemetry = createPhoneTelemetry({ now: () => now });
  expect(telemetry.due("phone-1", 80)).toBe(true);
  now = 1_000;
  expect(telemetry.due("phone-1", 80)).toBe(false);
  expect(telemetry.due("phone-2", 80)).toBe(true);
  now = 2_000;
  expect(telemetry.due("phone-1", 79)).toBe(true);
  now = 61_000;
  expect(telemetry.due("phone-1", 79)).toBe(false);
  now = 62_000;
  expect(telemetry.due("phone-1", 79)).toBe(true);
});

import { expect, test } from "vitest";
import { parseJsonObject } from "./json-object";

test("a JSON object is accepted and an empty box means an empty object", () => {
  expect(parseJsonObject('{"interval": 30}')).toEqual({ ok: true, value: { interval: 30 } });
  expect(parseJsonObject("  ")).toEqual({ ok: true, value: {} });
});

test("broken JSON and non-objects are refused with a reason", () => {
  expect(parseJsonObject("{interval: 30}")).toMatchObject({
    ok: false,
    error: expect.stringMatching(/^Not valid JSON/),
  });
  expect(parseJsonObject("[1, 2]")).toMatchObject({ ok: false, error: expect.stringMatching(/JSON object/) });
  expect(parseJsonObject("null")).toMatchObject({ ok: false });
});

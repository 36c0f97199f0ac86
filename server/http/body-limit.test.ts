import { describe, expect, test } from "vitest";
import type { AppError } from "../observability/app-error";
import { jsonDepth, MAX_JSON_DEPTH, readJsonBody } from "./body-limit";

function chunked(text: string): Request {
  const bytes = new TextEncoder().encode(text);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 1024) controller.enqueue(bytes.slice(i, i + 1024));
      controller.close();
    },
  });
  return new Request("http://local/", { method: "POST", body, duplex: "half" } as RequestInit);
}

async function status(promise: Promise<unknown>): Promise<number | "ok"> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return (error as AppError).status;
  }
}

describe("jsonDepth", () => {
  test("counts nested arrays and objects, not brackets inside strings", () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[{{{"}]}')).toBe(3);
    expect(jsonDepth('"\\"[["')).toBe(0);
  });
});

describe("readJsonBody", () => {
  test("a body within the limit is parsed", async () => {
    expect(await readJsonBody(chunked('{"name":"ok"}'), 1024)).toEqual({ name: "ok" });
  });

  test("a body without Content-Length beyond the limit is 413, however it is chunked", async () => {
    expect(await status(readJsonBody(chunked(`{"x":"${"a".repeat(5000)}"}`), 4096))).toBe(413);
  });

  test(`JSON nested deeper than ${MAX_JSON_DEPTH} levels is 413 before it is parsed`, async () => {
    const deep = "[".repeat(MAX_JSON_DEPTH + 1) + "]".repeat(MAX_JSON_DEPTH + 1);
    expect(await status(readJsonBody(chunked(deep), 1024 * 1024))).toBe(413);
    const fine = "[".repeat(MAX_JSON_DEPTH) + "]".repeat(MAX_JSON_DEPTH);
    expect(await status(readJsonBody(chunked(fine), 1024 * 1024))).toBe("ok");
  });

  test("text that is not JSON is 400", async () => {
    expect(await status(readJsonBody(chunked("{nope"), 1024))).toBe(400);
  });
});

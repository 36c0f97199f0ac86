import { describe, expect, test } from "vitest";
import { AppError } from "../observability/app-error";
import { decodeCursor, encodeCursor, toPage } from "./keyset-page";

const id = "3f0c2a4e-8d1b-4c5e-9f7a-0b1c2d3e4f50";

describe("keyset pages", () => {
  test("a cursor gives back the sort key and id it was made from", () => {
    expect(decodeCursor(encodeCursor(['Zoë, the "night" lead', id]))).toEqual(['Zoë, the "night" lead', id]);
  });

  test.each(["garbage", encodeCursor(["a", "not-a-uuid"]), Buffer.from("[1,2]").toString("base64url")])(
    "a cursor we did not issue (%s) is a 422 on query.cursor",
    (cursor) => {
      const error = (() => {
        try {
          decodeCursor(cursor);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(422);
      expect((error as AppError).issues?.map((i) => i.path)).toEqual(["query.cursor"]);
    },
  );

  test("the extra row fetched says there is a next page, which starts after the last row shown", () => {
    const rows = [{ name: "a" }, { name: "b" }, { name: "c" }];
    const page = toPage(
      rows,
      2,
      (r) => r.name,
      (r) => [r.name, id],
    );
    expect(page.items).toEqual(["a", "b"]);
    expect(decodeCursor(page.nextCursor!)).toEqual(["b", id]);
    expect(
      toPage(
        rows,
        3,
        (r) => r.name,
        (r) => [r.name, id],
      ).nextCursor,
    ).toBeNull();
  });
});

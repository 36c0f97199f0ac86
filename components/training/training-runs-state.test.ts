import { describe, expect, test } from "vitest";
import type { TrainingRunDto } from "@/server/contracts/ml";
import { mergeRuns } from "./training-runs-state";

const run = (over: Partial<TrainingRunDto>): TrainingRunDto => ({
  id: "r1",
  status: "running",
  trigger: "manual",
  requestedBy: null,
  totalEpochs: 10,
  epoch: 0,
  loss: null,
  validationAuc: null,
  etaSeconds: null,
  progress: [],
  metrics: null,
  error: null,
  cancelRequestedAt: null,
  startedAt: null,
  finishedAt: null,
  createdAt: "2026-11-26T20:00:00.000Z",
  modelVersion: null,
  ...over,
});

describe("mergeRuns", () => {
  test("a late answer cannot move a run's progress back", () => {
    const known = [run({ epoch: 5 })];
    expect(mergeRuns(known, [run({ epoch: 3 })])[0]!.epoch).toBe(5);
    expect(mergeRuns(known, [run({ epoch: 6 })])[0]!.epoch).toBe(6);
  });

  test("an ended run stays ended, and new runs come first", () => {
    const ended = mergeRuns([run({ status: "cancelled", epoch: 4 })], [run({ status: "running", epoch: 9 })]);
    expect(ended[0]!.status).toBe("cancelled");
    const both = mergeRuns(ended, [run({ id: "r2", status: "queued", createdAt: "2026-11-26T21:00:00.000Z" })]);
    expect(both.map((r) => r.id)).toEqual(["r2", "r1"]);
  });
});

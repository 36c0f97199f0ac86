// The false-alarm model's API and socket payloads: training runs with their
// live progress, and the trained model versions.
import { z } from "zod";
import { isoTime, nullableIsoTime } from "./iso-time";

const trainingRunStatuses = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type TrainingRunStatus = (typeof trainingRunStatuses)[number];

/** A person in danger is never played down: these alerts are never scored nor learnt from. */
export const NEVER_SCORED_TYPES: readonly string[] = ["panic", "man-down", "duress", "check-in-missed"];

/** Who may train and promote models. */
export const mlRoles = ["admin", "manager"] as const;

export const startTrainingRunInput = z.object({
  epochs: z.number().int().min(1).max(500).optional(),
});
export type StartTrainingRunInput = z.infer<typeof startTrainingRunInput>;

const epochProgressDto = z.object({
  epoch: z.number().int(),
  loss: z.number(),
  validationAuc: z.number().nullable(),
  at: isoTime,
});
export type EpochProgressDto = z.infer<typeof epochProgressDto>;

export const trainingRunDto = z.object({
  id: z.uuid(),
  status: z.enum(trainingRunStatuses),
  trigger: z.enum(["manual", "cron"]),
  requestedBy: z.string().nullable().describe("Email of the user who started it."),
  totalEpochs: z.number().int(),
  epoch: z.number().int(),
  loss: z.number().nullable(),
  validationAuc: z.number().nullable(),
  etaSeconds: z.number().nullable(),
  progress: z.array(epochProgressDto),
  metrics: z.record(z.string(), z.number()).nullable(),
  error: z.string().nullable(),
  cancelRequestedAt: nullableIsoTime,
  startedAt: nullableIsoTime,
  finishedAt: nullableIsoTime,
  createdAt: isoTime,
  modelVersion: z.number().int().nullable().describe("The model version this run produced, once it succeeded."),
});
export type TrainingRunDto = z.infer<typeof trainingRunDto>;

export const mlModelDto = z.object({
  id: z.uuid(),
  version: z.number().int(),
  trainingRunId: z.uuid().nullable(),
  metrics: z.record(z.string(), z.number()),
  promotedAt: nullableIsoTime,
  promotedBy: z.string().nullable(),
  createdAt: isoTime,
});
export type MlModelDto = z.infer<typeof mlModelDto>;

/** Fraction of the run done, 0..1. */
export function trainingFraction(run: Pick<TrainingRunDto, "status" | "epoch" | "totalEpochs">): number {
  if (run.status === "succeeded") return 1;
  return run.totalEpochs > 0 ? Math.min(run.epoch / run.totalEpochs, 1) : 0;
}

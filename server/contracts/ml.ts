// The false-alarm model's API and socket payloads: training runs with their
// live progress, and the trained model versions.
import { z } from "zod";

export type TrainingRunStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

/** A person in danger is never played down: these alerts are never scored nor learnt from. */
export const NEVER_SCORED_TYPES: readonly string[] = ["panic", "man-down"];

/** Who may train and promote models. */
export const mlRoles = ["admin", "manager"] as const;

export const startTrainingRunInput = z.object({
  epochs: z.number().int().min(1).max(500).optional(),
});
export type StartTrainingRunInput = z.infer<typeof startTrainingRunInput>;

export type EpochProgressDto = { epoch: number; loss: number; validationAuc: number | null; at: string };

export type TrainingRunDto = {
  id: string;
  status: TrainingRunStatus;
  trigger: "manual" | "cron";
  requestedBy: string | null;
  totalEpochs: number;
  epoch: number;
  loss: number | null;
  validationAuc: number | null;
  etaSeconds: number | null;
  progress: EpochProgressDto[];
  metrics: Record<string, number> | null;
  error: string | null;
  cancelRequestedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
  /** The model version this run produced, once it succeeded. */
  modelVersion: number | null;
};

export type MlModelDto = {
  id: string;
  version: number;
  trainingRunId: string | null;
  metrics: Record<string, number>;
  promotedAt: string | null;
  promotedBy: string | null;
  createdAt: string;
};

/** Fraction of the run done, 0..1. */
export function trainingFraction(run: Pick<TrainingRunDto, "status" | "epoch" | "totalEpochs">): number {
  if (run.status === "succeeded") return 1;
  return run.totalEpochs > 0 ? Math.min(run.epoch / run.totalEpochs, 1) : 0;
}

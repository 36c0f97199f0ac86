// Socket.IO event names and payloads shared by the server and the browser.
import { z } from "zod";
import { isoTime } from "./iso-time";
import type { TrainingRunDto } from "./ml";
import type { TourRunDto } from "./patrols";

export const socketEvents = {
  guardPositions: "guard:positions",
  deviceTelemetry: "device:telemetry",
  alertsChanged: "alerts:changed",
  commandsChanged: "commands:changed",
  trainingProgress: "training:progress",
  trainingFinished: "training:finished",
  fencesChanged: "fences:changed",
  tourRunsChanged: "tour-runs:changed",
} as const;

export const commandStatuses = ["queued", "sent", "received", "done", "failed", "expired"] as const;
export type CommandStatus = (typeof commandStatuses)[number];
export type CommandChangeDto = { commandId: string; deviceExternalId: string; status: CommandStatus };

export const alertSeverities = ["critical", "high", "medium", "low", "info"] as const;
export type AlertSeverity = (typeof alertSeverities)[number];
export const alertStatuses = ["NEW", "ACKNOWLEDGED", "RESOLVED"] as const;
export type AlertStatus = (typeof alertStatuses)[number];

export const alertDto = z.object({
  id: z.uuid(),
  type: z.string(),
  severity: z.enum(alertSeverities),
  status: z.enum(alertStatuses),
  message: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  count: z.number().int(),
  sourceExternalId: z.string(),
  sourceName: z.string(),
  firstSeenAt: isoTime,
  lastSeenAt: isoTime,
  falseAlarmScore: z
    .number()
    .nullable()
    .optional()
    .describe(
      "P(false alarm) from the tenant's promoted model, once it scored the alert; never for panic or man-down.",
    ),
});
export type AlertDto = z.infer<typeof alertDto>;

export const guardPositionDto = z.object({
  guardId: z.uuid(),
  externalId: z.string(),
  name: z.string(),
  lat: z.number(),
  lon: z.number(),
  accuracyM: z.number().nullable(),
  battery: z.number().nullable(),
  recordedAt: isoTime,
});
export type GuardPositionDto = z.infer<typeof guardPositionDto>;

export type DeviceTelemetryDto = {
  deviceId: string;
  externalId: string;
  battery: number | null;
  signalDbm: number | null;
  temperatureC: number | null;
  recordedAt: string;
};

/** How urgently a browser should surface a broadcast (see server/realtime/broadcast-to.ts). */
export type BroadcastPriority = "low" | "normal" | "high";

/** To the tenant's consoles: a training run's state after each epoch (low) and when it ends (normal). */
type TrainingProgressEvent = { priority: BroadcastPriority; run: TrainingRunDto };

/** To the user who started a training run, when it ends. */
type TrainingFinishedEvent = { priority: BroadcastPriority; run: TrainingRunDto };

/** To the tenant's consoles: a site's fences were saved or the site deleted; reload the fences (GET /api/v1/sites). */
type FencesChangedEvent = { siteId: string };

export type ServerToClientEvents = {
  [socketEvents.guardPositions]: (positions: GuardPositionDto[]) => void;
  [socketEvents.deviceTelemetry]: (telemetry: DeviceTelemetryDto[]) => void;
  [socketEvents.alertsChanged]: (alerts: AlertDto[]) => void;
  [socketEvents.commandsChanged]: (changes: CommandChangeDto[]) => void;
  [socketEvents.trainingProgress]: (event: TrainingProgressEvent) => void;
  [socketEvents.trainingFinished]: (event: TrainingFinishedEvent) => void;
  [socketEvents.fencesChanged]: (event: FencesChangedEvent) => void;
  /** Tour runs as they are now, after a visit, when made or when closed (the NOC's progress bars). */
  [socketEvents.tourRunsChanged]: (runs: TourRunDto[]) => void;
};

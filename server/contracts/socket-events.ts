// Socket.IO event names and payloads shared by the server and the browser.
import type { TrainingRunDto } from "./ml";

export const socketEvents = {
  guardPositions: "guard:positions",
  deviceTelemetry: "device:telemetry",
  alertsChanged: "alerts:changed",
  commandsChanged: "commands:changed",
  trainingProgress: "training:progress",
  trainingFinished: "training:finished",
  fencesChanged: "fences:changed",
} as const;

export type CommandStatus = "queued" | "sent" | "received" | "done" | "failed" | "expired";
export type CommandChangeDto = { commandId: string; deviceExternalId: string; status: CommandStatus };

export type AlertSeverity = "critical" | "high" | "medium" | "low" | "info";
export type AlertStatus = "NEW" | "ACKNOWLEDGED" | "RESOLVED";

export type AlertDto = {
  id: string;
  type: string;
  severity: AlertSeverity;
  status: AlertStatus;
  message: string;
  lat: number | null;
  lon: number | null;
  count: number;
  sourceExternalId: string;
  sourceName: string;
  firstSeenAt: string;
  lastSeenAt: string;
  /** P(false alarm) from the tenant's promoted model, once it scored the alert; never set for panic or man-down. */
  falseAlarmScore?: number | null;
};

export type GuardPositionDto = {
  guardId: string;
  externalId: string;
  name: string;
  lat: number;
  lon: number;
  accuracyM: number | null;
  battery: number | null;
  recordedAt: string;
};

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
};

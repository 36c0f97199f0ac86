// Socket.IO event names and payloads shared by the server and the browser.
export const socketEvents = {
  guardPositions: "guard:positions",
  deviceTelemetry: "device:telemetry",
  alertsChanged: "alerts:changed",
  commandsChanged: "commands:changed",
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

export type ServerToClientEvents = {
  [socketEvents.guardPositions]: (positions: GuardPositionDto[]) => void;
  [socketEvents.deviceTelemetry]: (telemetry: DeviceTelemetryDto[]) => void;
  [socketEvents.alertsChanged]: (alerts: AlertDto[]) => void;
  [socketEvents.commandsChanged]: (changes: CommandChangeDto[]) => void;
};

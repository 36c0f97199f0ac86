// Socket.IO event names and payloads shared by the server and the browser.
export const socketEvents = {
  guardPositions: "guard:positions",
  deviceTelemetry: "device:telemetry",
} as const;

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
};

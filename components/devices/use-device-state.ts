"use client";
// The device page's state: the device with its latest telemetry and system
// health, its commands and its configuration versions. Telemetry and command
// progress arrive over Socket.IO; after a reconnect everything is reloaded,
// since nothing is buffered for a disconnected browser.
import { useCallback, useState } from "react";
import type { CommandDto, ConfigDto, DeviceDetailDto } from "@/server/contracts/api";
import { socketEvents, type DeviceTelemetryDto } from "@/server/contracts/socket-events";
import { useLiveEvents } from "../realtime/use-live-events";
import { apiRequest } from "../ui/api-request";
import { applyCommandChanges, mergeReloaded } from "./command-status";

export type DeviceState = { device: DeviceDetailDto; commands: CommandDto[]; configs: ConfigDto[] };

function withTelemetry(device: DeviceDetailDto, rows: DeviceTelemetryDto[]): DeviceDetailDto {
  const newest = rows.reduce((a, b) => (a.recordedAt >= b.recordedAt ? a : b));
  // The server stamps last_seen_at when the message arrives, which is about now.
  const seen = { ...device, lastSeenAt: new Date().toISOString() };
  if (device.latestTelemetry && device.latestTelemetry.recordedAt > newest.recordedAt) return seen;
  const { recordedAt, battery, signalDbm, temperatureC } = newest;
  return { ...seen, latestTelemetry: { recordedAt, battery, signalDbm, temperatureC } };
}

export function useDeviceState(initial: DeviceState) {
  const [device, setDevice] = useState(initial.device);
  const [commands, setCommands] = useState(initial.commands);
  const [configs, setConfigs] = useState(initial.configs);
  const externalId = initial.device.externalId;
  const base = `/api/v1/devices/${encodeURIComponent(externalId)}`;

  const reloadDevice = useCallback(async () => {
    const result = await apiRequest<DeviceDetailDto>(base);
    if (result.ok) setDevice(result.data);
  }, [base]);
  const reloadCommands = useCallback(async () => {
    const result = await apiRequest<CommandDto[]>(`${base}/commands`);
    if (result.ok) setCommands((current) => mergeReloaded(current, result.data));
  }, [base]);
  const reloadConfigs = useCallback(async (): Promise<ConfigDto[]> => {
    const result = await apiRequest<ConfigDto[]>(`${base}/config`);
    if (!result.ok) return [];
    setConfigs(result.data);
    return result.data;
  }, [base]);

  const connection = useLiveEvents({
    [socketEvents.deviceTelemetry]: (rows) => {
      const mine = rows.filter((t) => t.externalId === externalId);
      if (mine.length > 0) setDevice((current) => withTelemetry(current, mine));
    },
    [socketEvents.commandsChanged]: (changes) => {
      const mine = changes.filter((c) => c.deviceExternalId === externalId);
      if (mine.length === 0) return;
      setCommands((current) => applyCommandChanges(current, mine));
      // The event carries the status only: reload for the times and result (and commands sent elsewhere).
      void reloadCommands();
    },
    onReconnect: () => {
      void reloadDevice();
      void reloadCommands();
      void reloadConfigs();
    },
  });

  return { base, device, setDevice, commands, configs, connection, reloadCommands, reloadConfigs };
}

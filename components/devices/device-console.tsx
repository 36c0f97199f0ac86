"use client";
// The device page: identity and live state on the left (telemetry, system
// health, configuration), commands and administration on the right; one
// column on a phone.
import Link from "next/link";
import type { UserRole } from "@/server/contracts/api";
import { ConnectionStatus } from "../realtime/connection-status";
import { RelativeTime } from "../ui/relative-time";
import { CommandList } from "./command-list";
import { ConfigPanel } from "./config-panel";
import { DeviceAdminActions } from "./device-admin-actions";
import { HistoryPanel } from "./history-panel";
import { SendCommandForm } from "./send-command-form";
import { SystemHealthPanel } from "./system-health-panel";
import { TelemetryPanel } from "./telemetry-panel";
import { useDeviceState, type DeviceState } from "./use-device-state";

type Props = { initial: DeviceState; role: UserRole };

export function DeviceConsole({ initial, role }: Props) {
  const { base, device, setDevice, commands, configs, connection, reloadCommands, reloadConfigs } =
    useDeviceState(initial);
  const showHealth = device.kind === "gateway" || device.components.length > 0;
  return (
    <main className="page">
      <Link href="/devices" className="back-link">
        ← Devices
      </Link>
      <div className="page-header">
        <h1 className="mono">{device.externalId}</h1>
        <span className="badge">{device.kind}</span>
        {device.revoked && (
          <span className="badge" data-tone="danger">
            Revoked
          </span>
        )}
        <span className="spacer" />
        <ConnectionStatus state={connection} />
      </div>
      <p className="page-sub muted">
        {device.name ?? "Unnamed"}
        {device.guardExternalId && <> · guard {device.guardExternalId}</>} · registered{" "}
        <RelativeTime iso={device.createdAt} />
      </p>
      {device.gatewayAddress !== null && (
        <p className="page-sub muted" data-testid="panic-actions">
          Panic on button action:{" "}
          {device.panicActions.length > 0 ? (
            <span className="mono">{device.panicActions.join(", ")}</span>
          ) : (
            "none mapped (an SOS button's emergency, sos or panic always is)"
          )}
        </p>
      )}
      <div className="device-grid">
        <div className="column">
          <TelemetryPanel device={device} />
          <HistoryPanel base={base} isSensor={device.kind === "sensor"} />
          {showHealth && <SystemHealthPanel externalId={device.externalId} components={device.components} />}
          {role === "admin" && <ConfigPanel base={base} configs={configs} canEdit reload={reloadConfigs} />}
        </div>
        <div className="column">
          <section className="panel" aria-labelledby="commands-heading">
            <h2 id="commands-heading">Commands</h2>
            {(role === "admin" || role === "operator") && <SendCommandForm base={base} onSent={reloadCommands} />}
            <CommandList commands={commands} />
          </section>
          {role === "admin" && (
            <DeviceAdminActions
              base={base}
              device={device}
              onChanged={(d) => setDevice((current) => ({ ...current, ...d }))}
            />
          )}
        </div>
      </div>
    </main>
  );
}

"use client";
// One rejected MQTT message: when, topic, why, from which device, and the
// payload (a preview, expandable to the whole stored text).
import Link from "next/link";
import type { DeviceDto } from "@/server/contracts/api";
import type { QuarantineEntryDto } from "@/server/contracts/quarantine";
import { deviceHref } from "../devices/device-table";
import { RelativeTime } from "../ui/relative-time";
import { RegisterFromQuarantine } from "./register-from-quarantine";

const PREVIEW = 80;

function pretty(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

type Props = {
  entry: QuarantineEntryDto;
  canRegister: boolean;
  registered: DeviceDto | undefined;
  onRegistered: (device: DeviceDto) => void;
};

export function QuarantineEntry({ entry: e, canRegister, registered, onRegistered }: Props) {
  const preview = e.payload.length > PREVIEW ? `${e.payload.slice(0, PREVIEW)}…` : e.payload;
  const deviceId = e.deviceExternalId ?? registered?.externalId;
  return (
    <li className="q-entry" data-entry={e.id} data-topic={e.topic}>
      <div className="q-head">
        <span className="badge" data-tone={e.reason === "unknown_source" ? "info" : "warn"}>
          {e.reason}
        </span>
        <span className="mono q-topic">{e.topic}</span>
        <span className="spacer" />
        <span className="muted small">
          <RelativeTime iso={e.receivedAt} />
        </span>
      </div>
      {e.detail && <p className="q-detail">{e.detail}</p>}
      <p className="q-meta muted small">
        Device:{" "}
        {deviceId ? (
          <Link href={deviceHref(deviceId)} className="mono">
            {deviceId}
          </Link>
        ) : (
          "unknown"
        )}
        {" · "}
        {new Date(e.receivedAt).toLocaleString()}
      </p>
      <details className="q-payload">
        <summary>
          <code>{preview || "(empty payload)"}</code>
        </summary>
        <pre>{pretty(e.payload)}</pre>
      </details>
      {e.registrableExternalId && canRegister && !registered && (
        <RegisterFromQuarantine entryId={e.id} externalId={e.registrableExternalId} onRegistered={onRegistered} />
      )}
    </li>
  );
}

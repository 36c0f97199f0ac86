"use client";
// Device credentials just issued (registration or rotation): the MQTT login
// (also OwnTracks's) and the tracking key (Traccar Client's device identifier).
// Only hashes are stored, so this is the one time anyone sees them.
import type { ReactNode } from "react";
import { CopyField } from "./copy-field";

type Props = { username: string; password: string; trackingKey: string; title: ReactNode; onDone: () => void };

export function CredentialsOnce({ username, password, trackingKey, title, onDone }: Props) {
  return (
    <section className="credentials" aria-label="MQTT credentials">
      <h3>{title}</h3>
      <p className="notice" data-tone="warn" role="note">
        Copy the password now: Vigil keeps only a hash of it and <strong>will not show it again</strong>. Configure the
        device (or the OwnTracks app) with this username and password. The tracking key is shown this once too: it is
        Traccar Client&apos;s device identifier.
      </p>
      <CopyField label="MQTT username" value={username} testId="mqtt-username" />
      <CopyField label="MQTT password" value={password} testId="mqtt-password" />
      <CopyField label="Tracking key (Traccar Client)" value={trackingKey} testId="tracking-key" />
      <div className="form-actions">
        <button type="button" className="btn" onClick={onDone}>
          I have saved the password
        </button>
      </div>
    </section>
  );
}

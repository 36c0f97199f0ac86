"use client";
// MQTT credentials just issued (registration or rotation). Only a hash is
// stored, so this is the one time anyone sees the password.
import type { ReactNode } from "react";
import { CopyField } from "./copy-field";

type Props = { username: string; password: string; title: ReactNode; onDone: () => void };

export function CredentialsOnce({ username, password, title, onDone }: Props) {
  return (
    <section className="credentials" aria-label="MQTT credentials">
      <h3>{title}</h3>
      <p className="notice" data-tone="warn" role="note">
        Copy the password now: Vigil keeps only a hash of it and <strong>will not show it again</strong>. Configure the
        device with this username and password.
      </p>
      <CopyField label="MQTT username" value={username} testId="mqtt-username" />
      <CopyField label="MQTT password" value={password} testId="mqtt-password" />
      <div className="form-actions">
        <button type="button" className="btn" onClick={onDone}>
          I have saved the password
        </button>
      </div>
    </section>
  );
}

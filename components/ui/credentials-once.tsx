"use client";
// Device credentials just issued (registration or rotation): the MQTT login
// (also OwnTracks's), the tracking key (Traccar Client's device identifier),
// and the codes that configure a phone's app in one scan. Only hashes are
// stored, so this is the one time anyone sees them.
import type { ReactNode } from "react";
import type { DeviceWithCredentialsDto } from "@/server/contracts/api";
import { CopyField } from "./copy-field";
import { OnboardingCodes } from "./onboarding-codes";

type Props = {
  credentials: Pick<DeviceWithCredentialsDto, "mqtt" | "trackingKey" | "onboarding">;
  title: ReactNode;
  onDone: () => void;
};

export function CredentialsOnce({ credentials: { mqtt, trackingKey, onboarding }, title, onDone }: Props) {
  return (
    <section className="credentials" aria-label="MQTT credentials">
      <h3>{title}</h3>
      <p className="notice" data-tone="warn" role="note">
        Copy the password now: Vigil keeps only a hash of it and <strong>will not show it again</strong> (nor the codes
        below, which contain it). Configure the device with this username and password, or let the guard scan a code
        with the phone&apos;s camera. The tracking key is shown this once too: it is Traccar Client&apos;s device
        identifier.
      </p>
      <CopyField label="MQTT username" value={mqtt.username} testId="mqtt-username" />
      <CopyField label="MQTT password" value={mqtt.password} testId="mqtt-password" />
      <CopyField label="Tracking key (Traccar Client)" value={trackingKey} testId="tracking-key" />
      <OnboardingCodes onboarding={onboarding} />
      <div className="form-actions">
        <button type="button" className="btn" onClick={onDone}>
          I have saved the password
        </button>
      </div>
    </section>
  );
}

"use client";
// The codes a guard scans to configure a phone's app (issue 18, item 6):
// OwnTracks's configuration link as a QR code (and as a link, for a phone
// that shows this page itself), in MQTT mode and, folded, in HTTP mode; and
// Traccar Client's server URL beside the tracking key above.
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import type { OnboardingDto } from "@/server/contracts/device-onboarding";
import { CopyField } from "./copy-field";

export function QrCode({ text, label }: { text: string; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { margin: 1, width: 240, errorCorrectionLevel: "M" }).then(
      (url) => live && setSrc(url),
      () => live && setSrc(null),
    );
    return () => {
      live = false;
    };
  }, [text]);
  return src ? (
    // A data URL made here: next/image would add nothing.
    <img className="qr-code" src={src} width={240} height={240} alt={label} />
  ) : (
    <div className="qr-code" role="img" aria-label={`${label} (drawing)`} />
  );
}

function OwnTracksCode({ link, mode }: { link: string; mode: "MQTT" | "HTTP" }) {
  const label = `QR code that configures OwnTracks in ${mode} mode`;
  return (
    <div className="onboarding-code">
      <QrCode text={link} label={label} />
      <p className="muted">
        Scan with the phone&apos;s camera and open it in OwnTracks, or on the phone itself{" "}
        <a href={link} data-testid={`owntracks-${mode.toLowerCase()}-link`}>
          open this link
        </a>
        .
      </p>
    </div>
  );
}

export function OnboardingCodes({ onboarding }: { onboarding: OnboardingDto }) {
  return (
    <div className="onboarding" aria-label="Configure a phone">
      <h4>OwnTracks</h4>
      <OwnTracksCode link={onboarding.ownTracksMqtt} mode="MQTT" />
      <details>
        <summary>HTTP mode instead (a network that blocks MQTT)</summary>
        <OwnTracksCode link={onboarding.ownTracksHttp} mode="HTTP" />
      </details>
      <h4>Traccar Client</h4>
      <p className="muted">
        In the app&apos;s settings: the server URL below, and the tracking key above as its device identifier.
      </p>
      <CopyField
        label="Server URL (Traccar Client)"
        value={onboarding.traccarClient.serverUrl}
        testId="traccar-server-url"
      />
    </div>
  );
}

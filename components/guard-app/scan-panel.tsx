"use client";
// Scanning a checkpoint: the camera (a frame every 300 ms through decodeQr),
// a photo picked from the camera app or gallery (the fallback where live
// video is not allowed, and what the e2e test uses), and NFC tags where the
// browser has Web NFC (NDEFReader: the tag's serial number, or its first text
// record, is the code).
import { useEffect, useRef, useState } from "react";
import { decodeQr, decodeQrFile } from "./decode-qr";

type Method = "qr" | "nfc";
type Props = { onCode: (code: string, method: Method) => void };

type NdefReading = { serialNumber?: string; message: { records: { recordType: string; data?: DataView }[] } };
type NdefReader = {
  scan: (options?: { signal?: AbortSignal }) => Promise<void>;
  addEventListener: (type: "reading", listener: (event: NdefReading) => void) => void;
};

function nfcCode({ serialNumber, message }: NdefReading): string | null {
  const text = message.records.find((r) => r.recordType === "text" && r.data);
  if (text?.data) {
    // A text record: a status byte (language code length in its low 6 bits), the language, then the text.
    const bytes = new Uint8Array(text.data.buffer, text.data.byteOffset, text.data.byteLength);
    return new TextDecoder().decode(bytes.subarray(1 + (bytes[0]! & 0x3f))) || null;
  }
  return serialNumber || null;
}

function CameraScanner({ onCode, onClose }: { onCode: (code: string) => void; onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let done = false;
    navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: "environment" } })
      .then(async (media) => {
        stream = media;
        if (!video.current) return;
        video.current.srcObject = media;
        await video.current.play();
        timer = setInterval(async () => {
          const v = video.current;
          if (done || !v) return;
          const code = await decodeQr(v, v.videoWidth, v.videoHeight);
          if (code && !done) {
            done = true;
            onCode(code);
          }
        }, 300);
      })
      .catch(() => setError("The camera is not available: allow it, or scan from a photo."));
    return () => {
      done = true;
      clearInterval(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [onCode]);
  return (
    <div className="g-camera">
      {error ? <p role="alert">{error}</p> : <video ref={video} muted playsInline aria-label="Camera" />}
      <button type="button" className="btn" onClick={onClose}>
        Close camera
      </button>
    </div>
  );
}

export function ScanPanel({ onCode }: Props) {
  const [camera, setCamera] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [nfc] = useState(() => typeof window !== "undefined" && "NDEFReader" in window);

  const found = (code: string, method: Method) => {
    setCamera(false);
    setNote(`Scanned ${code}`);
    onCode(code, method);
  };

  const fromPhoto = async (file: File | undefined) => {
    if (!file) return;
    const code = await decodeQrFile(file).catch(() => null);
    if (code) found(code, "qr");
    else setNote("No QR code found in that photo: try again, closer and sharper.");
  };

  const startNfc = async () => {
    const Reader = (window as unknown as { NDEFReader: new () => NdefReader }).NDEFReader;
    const reader = new Reader();
    try {
      await reader.scan();
      setNote("Hold the phone to the tag.");
      reader.addEventListener("reading", (event) => {
        const code = nfcCode(event);
        if (code) found(code, "nfc");
      });
    } catch {
      setNote("NFC is not available: allow it in the browser, or scan the QR code.");
    }
  };

  return (
    <section className="g-card" aria-label="Scan a checkpoint">
      <h2>Scan a checkpoint</h2>
      {camera ? (
        <CameraScanner onCode={(code) => found(code, "qr")} onClose={() => setCamera(false)} />
      ) : (
        <div className="g-actions">
          <button type="button" className="btn" onClick={() => setCamera(true)}>
            Scan with the camera
          </button>
          {nfc && (
            <button type="button" className="btn" onClick={startNfc}>
              Scan an NFC tag
            </button>
          )}
          <label className="btn g-file">
            Scan from a photo
            <input
              type="file"
              accept="image/*"

              onChange={(e) => fromPhoto(e.target.files?.[0])}
            />
          </label>
        </div>
      )}
      {note && (
        <p className="muted" role="status">
          {note}
        </p>
      )}
    </section>
  );
}

"use client";
// The guard app (/g): on an enrolled phone (stored-login.ts) it shows the
// guard's shift (GET /api/v1/device/me as the device), reports GPS while
// open, sends scans, check-ins and the panic through the outbox over MQTT
// (use-guard-link.ts), and shows the pre-alarm "Check in now" when the
// `check-in-due` command arrives and the full-screen "Are you OK?" when the
// man-down `man-down-check` command does.
import { useCallback, useEffect, useRef, useState } from "react";
import {
  DEFAULT_CANCEL_WINDOW_SECONDS,
  guardAppTopics,
  type DeviceCommandPayload,
  type GuardAppViewDto,
  type ReceiptPayload,
} from "@/server/contracts/guard-app";
import { GuardViewCard } from "./guard-view-card";
import { ManDownCheck } from "./man-down-check";
import { newMessage } from "./outbox";
import { PanicControl } from "./panic-control";
import { PushReminders } from "./push-reminders";
import { ScanPanel } from "./scan-panel";
import { basicAuthorization, forgetLogin, loadLogin, type GuardLogin } from "./stored-login";
import { useGps } from "./use-gps";
import { useGuardLink, type GpsFix } from "./use-guard-link";

const VIEW_REFRESH_MS = 30_000;
const CHECK_IN_DUE = "check-in-due";
const MAN_DOWN_CHECK = "man-down-check";

const SCAN_RESULTS: Record<string, string> = {
  counted: "Checkpoint counted.",
  not_counted: "Scanned: no open tour needed this checkpoint.",
  unknown_checkpoint: "Unknown code: this is not one of your checkpoints.",
};

type Sent = { kind: "scan" | "check-in" | "pin" | "panic"; msgId: string };

export function GuardApp() {
  const [login, setLogin] = useState<GuardLogin | null | undefined>(undefined);
  const [view, setView] = useState<GuardAppViewDto | null>(null);
  const [revoked, setRevoked] = useState(false);
  const [preAlarm, setPreAlarm] = useState(false);
  const [manDown, setManDown] = useState<{ commandId: string; cancelSeconds: number } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [panicReceived, setPanicReceived] = useState(false);
  const [wrongPins, setWrongPins] = useState(0);
  const sent = useRef<Sent[]>([]);
  const lastFix = useRef<GpsFix | null>(null);

  useEffect(() => setLogin(loadLogin(localStorage)), []);

  const refresh = useCallback(async () => {
    if (!login) return;
    const response = await fetch("/api/v1/device/me", { headers: { authorization: basicAuthorization(login) } });
    if (response.status === 401) return setRevoked(true);
    if (response.ok) setView((await response.json()) as GuardAppViewDto);
  }, [login]);

  useEffect(() => {
    void refresh().catch(() => undefined);
    const timer = setInterval(() => void refresh().catch(() => undefined), VIEW_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const onReceipt = useCallback(
    (receipt: ReceiptPayload) => {
      const mine = sent.current.find((s) => s.msgId === receipt.msg_id);
      if (!mine) return;
      if (mine.kind === "panic") setPanicReceived(true);
      if (mine.kind === "scan") {
        setNote(SCAN_RESULTS[receipt.result ?? ""] ?? "Scan received.");
        void refresh().catch(() => undefined);
      }
      if (mine.kind === "check-in") setNote("Check-in received.");
      if (mine.kind === "pin" && receipt.result === "wrong_pin") setWrongPins((n) => n + 1);
    },
    [refresh],
  );
  const onCommand = useCallback((command: DeviceCommandPayload) => {
    if (command.type === CHECK_IN_DUE) setPreAlarm(true);
    if (command.type === MAN_DOWN_CHECK) {
      const seconds = (command.params as { cancelSeconds?: unknown } | null)?.cancelSeconds;
      setManDown({ commandId: command.command_id, cancelSeconds: typeof seconds === "number" ? seconds : 30 });
    }
  }, []);

  const link = useGuardLink(login ?? null, { onReceipt, onCommand });
  const reportFix = useCallback(
    (fix: GpsFix) => {
      lastFix.current = fix;
      link.publishFix(fix);
    },
    [link.publishFix], // eslint-disable-line react-hooks/exhaustive-deps -- publishFix alone changes with the login
  );
  const gps = useGps(Boolean(login), reportFix);

  if (login === undefined) return null;
  if (login === null || revoked) {
    return (
      <main className="g-app">
        <section className="g-card">
          <h1>Guard app</h1>
          <p>
            {revoked ? "This phone's access was revoked in the NOC." : "This phone is not enrolled."} Ask your
            supervisor for an enrolment code on your guard page and scan it with this phone.
          </p>
          {revoked && (
            <button
              type="button"
              className="btn"
              onClick={() => (forgetLogin(localStorage), setLogin(null), setRevoked(false))}
            >
              Forget this phone&apos;s login
            </button>
          )}
        </section>
      </main>
    );
  }

  const topics = guardAppTopics(login.guardExternalId);
  const send = (kind: Sent["kind"], ...args: Parameters<typeof newMessage>) => {
    const message = newMessage(...args);
    sent.current = [...sent.current.slice(-50), { kind, msgId: message.payload.msg_id }];
    link.send(message);
  };
  const checkIn = () => {
    send("check-in", topics.checkIn, 1);
    setPreAlarm(false);
    setNote(link.online ? "Check-in sent." : "Check-in saved: it goes out when the phone is back online.");
  };
  const panic = () => {
    setPanicReceived(false);
    const location = lastFix.current ? { lat: lastFix.current.lat, lon: lastFix.current.lon } : undefined;
    send("panic", topics.panic, 2, {
      alert_type: "panic",
      severity: "critical",
      message: "Panic from the guard app",
      ...(location ? { location } : {}),
    });
  };

  return (
    <main className="g-app">
      <header className="g-status" aria-label="Connection">
        <span data-online={link.online}>{link.online ? "Online" : "Offline"}</span>
        <span>GPS {gps}</span>
        {link.pending > 0 && <span>{link.pending} waiting to send</span>}
      </header>
      {manDown && (
        <ManDownCheck
          key={manDown.commandId}
          cancelSeconds={manDown.cancelSeconds}
          onPin={(pin) => send("pin", topics.checkIn, 1, { pin })}
          wrongPins={wrongPins}
          onClose={() => setManDown(null)}
        />
      )}
      {preAlarm && (
        <section className="g-prealarm" role="alert">
          <p className="g-big-text">Check in now</p>
          <button type="button" className="btn g-big" onClick={checkIn}>
            I&apos;m OK
          </button>
        </section>
      )}
      <PanicControl
        cancelWindowSeconds={view?.cancelWindowSeconds ?? DEFAULT_CANCEL_WINDOW_SECONDS}
        onPanic={panic}
        onCancelPin={(pin) => send("pin", topics.checkIn, 1, { pin })}
        panicReceived={panicReceived}
        wrongPins={wrongPins}
      />
      {!preAlarm && (
        <button type="button" className="btn g-ok" onClick={checkIn}>
          I&apos;m OK
        </button>
      )}
      {note && (
        <p className="g-note" role="status">
          {note}
        </p>
      )}
      {view && <GuardViewCard view={view} />}
      <ScanPanel onCode={(code, method) => send("scan", topics.checkpoint, 1, { code, method })} />
      <PushReminders login={login} />
    </main>
  );
}

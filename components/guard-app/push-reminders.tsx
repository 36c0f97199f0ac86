"use client";
// "Turn on check-in reminders": the guard app's browser subscribes to web
// push with the server's VAPID key and registers the subscription as the
// device's (POST /api/v1/device/push-subscriptions, HTTP Basic), so the
// pre-alarm "Check in now" reaches the phone with the app closed.
import { useState } from "react";
import type { VapidPublicKeyDto } from "@/server/contracts/push";
import { base64UrlToBytes, browserSupportsPush } from "../mobile/push-support";
import { basicAuthorization, type GuardLogin } from "./stored-login";

type State = "off" | "working" | "on" | "unavailable" | "failed";

async function subscribe(login: GuardLogin): Promise<State> {
  if (!browserSupportsPush(window)) return "unavailable";
  const { publicKey } = (await (await fetch("/api/v1/push/vapid-public-key")).json()) as VapidPublicKeyDto;
  if (!publicKey) return "unavailable";
  if ((await Notification.requestPermission()) !== "granted") return "failed";
  const registration = await navigator.serviceWorker.register("/sw.js");
  await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: base64UrlToBytes(publicKey),
  });
  const saved = await fetch("/api/v1/device/push-subscriptions", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: basicAuthorization(login) },
    body: JSON.stringify(subscription.toJSON()),
  });
  return saved.ok ? "on" : "failed";
}

const messages: Record<State, string | null> = {
  off: null,
  working: null,
  on: "Check-in reminders are on for this phone.",
  unavailable: "This browser or server cannot send reminders; keep the app open during the shift.",
  failed: "Reminders could not be turned on: allow notifications for this site and try again.",
};

export function PushReminders({ login }: { login: GuardLogin }) {
  const [state, setState] = useState<State>("off");
  return (
    <div className="g-reminders">
      {state !== "on" && (
        <button
          type="button"
          className="btn"
          disabled={state === "working"}
          onClick={() => {
            setState("working");
            subscribe(login).then(setState, () => setState("failed"));
          }}
        >
          Turn on check-in reminders
        </button>
      )}
      {messages[state] && <p className="muted">{messages[state]}</p>}
    </div>
  );
}

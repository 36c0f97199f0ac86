"use client";
// "Enable notifications" on the phone pages: registers the service worker,
// asks for permission, subscribes with the server's VAPID key and stores the
// subscription, for the signed-in user or, on a signed alert link, for the
// contact the link was sent to. Denied permission and browsers without push
// get a message saying what to do instead of a button that does nothing.
import { useEffect, useState } from "react";
import type { VapidPublicKeyDto } from "@/server/contracts/push";
import { apiRequest } from "../ui/api-request";
import { base64UrlToBytes, browserSupportsPush, pushStateMessage, type PushState } from "./push-support";

type Props = { link?: { alertId: string; token: string } };

async function serverKey(): Promise<string | null> {
  const result = await apiRequest<VapidPublicKeyDto>("/api/v1/push/vapid-public-key");
  return result.ok ? result.data.publicKey : null;
}

export function PushOptIn({ link }: Props) {
  const [state, setState] = useState<PushState>("checking");
  const [error, setError] = useState<string | null>(null);
  const [publicKey, setPublicKey] = useState<string | null>(null);
  const route = link ? "/api/v1/push-subscriptions/link" : "/api/v1/push-subscriptions";

  useEffect(() => {
    let cancelled = false;
    const check = async (): Promise<PushState> => {
      if (!browserSupportsPush(window)) return "unsupported";
      const key = await serverKey();
      if (cancelled) return "checking";
      setPublicKey(key);
      if (!key) return "unconfigured";
      if (Notification.permission === "denied") return "denied";
      const registration = await navigator.serviceWorker.register("/sw.js");
      const subscription = await registration.pushManager.getSubscription();
      return subscription && Notification.permission === "granted" ? "on" : "off";
    };
    check().then(
      (next) => !cancelled && setState(next),
      () => !cancelled && setState("off"),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const enable = async () => {
    setState("working");
    setError(null);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") return setState(permission === "denied" ? "denied" : "dismissed");
      const registration = await navigator.serviceWorker.register("/sw.js");
      await navigator.serviceWorker.ready;
      const subscription = await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: base64UrlToBytes(publicKey!),
      });
      const saved = await apiRequest(route, { method: "POST", body: { ...subscription.toJSON(), ...link } });
      if (!saved.ok) {
        await subscription.unsubscribe();
        setError(saved.message);
        return setState("failed");
      }
      setState("on");
    } catch (caught) {
      setError(`Could not turn notifications on: ${(caught as Error).message}`);
      setState("failed");
    }
  };

  const disable = async () => {
    setState("working");
    setError(null);
    const registration = await navigator.serviceWorker.getRegistration("/sw.js");
    const subscription = await registration?.pushManager.getSubscription();
    if (subscription) {
      await apiRequest(route, { method: "DELETE", body: { endpoint: subscription.endpoint, ...link } });
      await subscription.unsubscribe();
    }
    setState("off");
  };

  if (state === "checking") return null;
  const canEnable = state === "off" || state === "dismissed" || state === "failed" || state === "working";
  return (
    <section className="mobile-card push-opt-in" aria-label="Notifications" data-state={state}>
      {pushStateMessage[state] && <p className={state === "on" ? "mobile-done" : "muted"}>{pushStateMessage[state]}</p>}
      {canEnable && (
        <button className="btn mobile-big" type="button" disabled={state === "working"} onClick={() => void enable()}>
          {state === "working" ? "One moment…" : "Enable notifications"}
        </button>
      )}
      {state === "on" && (
        <button className="btn-ghost" type="button" onClick={() => void disable()}>
          Turn off notifications
        </button>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

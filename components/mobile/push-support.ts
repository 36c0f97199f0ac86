// What the "Enable notifications" button can do in this browser, and what it
// tells the supervisor when it can't: pure, so the wording is tested once.
export type PushState =
  "checking" | "unsupported" | "unconfigured" | "denied" | "dismissed" | "off" | "on" | "working" | "failed";

type BrowserLike = { navigator: object; PushManager?: unknown; Notification?: unknown };

export function browserSupportsPush(browser: BrowserLike): boolean {
  return "serviceWorker" in browser.navigator && Boolean(browser.PushManager) && Boolean(browser.Notification);
}

export const pushStateMessage: Record<PushState, string | null> = {
  checking: null,
  working: null,
  failed: null,
  unsupported:
    "This browser cannot show push notifications. On an iPhone, add Vigil to the Home Screen (Share, then Add to Home Screen) and open it from there.",
  unconfigured: "Push notifications are not set up on this Vigil server; alerts still come by SMS and email.",
  denied:
    "Notifications are blocked for this site. Allow them in the browser's site settings (the icon beside the address), then reload this page.",
  dismissed: "Notifications were not allowed. Tap Enable notifications again and choose Allow.",
  off: "Get a notification on this phone when an alert needs you.",
  on: "Notifications are on for this phone.",
};

/** The VAPID public key (base64url) as the bytes PushManager.subscribe wants. */
export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value
    .replace(/-/g, "+")
    .replace(/_/g, "/")
    .padEnd(Math.ceil(value.length / 4) * 4, "=");
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

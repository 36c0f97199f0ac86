import { describe, expect, it } from "vitest";
import { base64UrlToBytes, browserSupportsPush, pushStateMessage } from "./push-support";

describe("push support on a phone", () => {
  it("needs a service worker, PushManager and Notification", () => {
    const full = { navigator: { serviceWorker: {} }, PushManager: class {}, Notification: class {} };
    expect(browserSupportsPush(full)).toBe(true);
    expect(browserSupportsPush({ ...full, navigator: {} })).toBe(false);
    expect(browserSupportsPush({ ...full, PushManager: undefined })).toBe(false);
    expect(browserSupportsPush({ ...full, Notification: undefined })).toBe(false);
  });

  it("a blocked or unsupported browser is told what to do about it", () => {
    expect(pushStateMessage.denied).toContain("site settings");
    expect(pushStateMessage.unsupported).toContain("Add to Home Screen");
  });

  it("decodes a base64url VAPID key without padding", () => {
    const key = Buffer.from(Array.from({ length: 65 }, (_, i) => (i * 37) % 256));
    expect(Buffer.from(base64UrlToBytes(key.toString("base64url")))).toEqual(key);
  });
});

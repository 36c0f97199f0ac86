/* global self, URL */
// Vigil's service worker: shows an alert's web push as a notification and
// opens the alert's page when it is tapped (focusing a tab already on it).
// The payload is what server/notifications/alert-message.ts alertPush() makes.
self.addEventListener("push", (event) => {
  let alert = { title: "Vigil alert", body: "", url: "/m", tag: "vigil", severity: "info" };
  try {
    alert = { ...alert, ...event.data.json() };
  } catch {
    // A push without a JSON payload still shows something rather than nothing.
  }
  event.waitUntil(
    self.registration.showNotification(alert.title, {
      body: alert.body,
      tag: alert.tag,
      renotify: true,
      // Critical alerts stay on screen until the supervisor does something.
      requireInteraction: alert.severity === "critical",
      icon: "/icon.svg",
      data: { url: alert.url },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url ?? "/m", self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => w.url === url);
      return open ? open.focus() : self.clients.openWindow(url);
    }),
  );
});

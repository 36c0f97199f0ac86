/**
 * What the mobile alert page shows after the acknowledge button: when it was
 * acknowledged (ISO; the phone shows it in its own time zone), or why not.
 */
export type MobileAckState = { ok: true; acknowledgedAt: string } | { ok: false; message: string };

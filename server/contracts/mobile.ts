/** What the mobile alert page shows after the acknowledge button. */
export type MobileAckState = { ok: boolean; message: string };

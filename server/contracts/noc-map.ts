// What the NOC map needs beside positions and alerts to colour guards by state.

export type NocMapRulesDto = {
  /** A fix's battery under this is low battery (the tenant's alert rule). */
  lowBatteryPercent: number;
  /** No fix for this long and the guard counts as offline (the guard phone's liveness window). */
  offlineAfterMs: number;
  /** Device external id -> its guard's external id, so a guard phone's alerts colour its guard. */
  deviceGuards: Record<string, string>;
};

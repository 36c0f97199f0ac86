"use server";
// The one action on the mobile alert page: acknowledge through the signed link.
import { headers } from "next/headers";
import type { MobileAckState } from "@/server/contracts/mobile";
import { requestOrigin } from "@/server/http/api-route";
import { AppError } from "@/server/observability/app-error";
import { getRuntime } from "@/server/runtime";
import { acknowledgeAlertByLink } from "@/server/services/alerts/acknowledge-alert-by-link";

export async function acknowledgeByLink(alertId: string, token: string): Promise<MobileAckState> {
  const runtime = getRuntime();
  try {
    const origin = requestOrigin(await headers(), "link");
    const alert = await acknowledgeAlertByLink(runtime, token, alertId, runtime.linkSecret, origin);
    // The time is formatted on the phone: this server's time zone is not the supervisor's.
    return { ok: true, acknowledgedAt: alert.acknowledgedAt! };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
}

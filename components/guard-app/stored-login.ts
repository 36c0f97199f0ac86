// The guard app's device login, kept in this browser's localStorage after
// enrolment (/g/enrol): the phone is that device until the NOC revokes or
// deletes it, or the guard signs the phone out.
import type { EnrolledPhoneDto } from "@/server/contracts/guard-app";

export type GuardLogin = EnrolledPhoneDto;

const KEY = "vigil.guardApp.login";

export function loadLogin(storage: Storage): GuardLogin | null {
  try {
    const value = JSON.parse(storage.getItem(KEY) ?? "null") as Partial<GuardLogin> | null;
    return value?.username && value.password && value.guardExternalId && value.mqttPath ? (value as GuardLogin) : null;
  } catch {
    return null;
  }
}

export function saveLogin(storage: Storage, login: GuardLogin): void {
  storage.setItem(KEY, JSON.stringify(login));
}

export function forgetLogin(storage: Storage): void {
  storage.removeItem(KEY);
}

/** The HTTP Basic header the device's own API calls carry. */
export function basicAuthorization({ username, password }: GuardLogin): string {
  return `Basic ${btoa(`${username}:${password}`)}`;
}

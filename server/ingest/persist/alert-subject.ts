import type { AlertSubject } from "../../services/alerts/alert-candidate";
import type { Source } from "../pipeline/types";

/** Whom an alert raised from a message's source is about: the device (with its guard), or the guard. */
export function alertSubject(source: Source): AlertSubject {
  const { externalId, name } = source;
  return source.kind === "device"
    ? { deviceId: source.deviceId, guardId: source.guardId, externalId, name }
    : { deviceId: null, guardId: source.guardId, externalId, name };
}

// Every /api/v1 operation, gathered from server/contracts/operations/ (one
// file per area; each route handler is built from its entry there) for the
// OpenAPI document. operations.test.ts fails when a route.ts under
// app/api/v1 exports a handler that has no operation, or the reverse.
import type { Operation } from "../contracts/operation";
import * as account from "../contracts/operations/account";
import * as admin from "../contracts/operations/admin";
import * as alerts from "../contracts/operations/alerts";
import * as audit from "../contracts/operations/audit";
import * as deviceHistory from "../contracts/operations/device-history";
import * as devices from "../contracts/operations/devices";
import * as guardApp from "../contracts/operations/guard-app";
import * as guards from "../contracts/operations/guards";
import * as notifications from "../contracts/operations/notifications";
import * as patrols from "../contracts/operations/patrols";
import * as push from "../contracts/operations/push";
import * as quarantine from "../contracts/operations/quarantine";
import * as reports from "../contracts/operations/reports";
import * as sessions from "../contracts/operations/sessions";
import * as sites from "../contracts/operations/sites";
import * as training from "../contracts/operations/training";

export const operations: readonly Operation[] = [
  sessions,
  account,
  alerts,
  notifications,
  devices,
  deviceHistory,
  guards,
  guardApp,
  sites,
  patrols,
  push,
  training,
  admin,
  audit,
  quarantine,
  reports,
].flatMap((area): Operation[] => Object.values(area));

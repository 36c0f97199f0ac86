// Lone-worker check-ins (`guard/{guardId}/check-in`) in the batch transaction.
// Without a PIN it is an "I'm OK"; with one, the guard's PIN checks in, the
// duress PIN checks in exactly alike on the phone (same receipt) and raises a
// silent critical duress alert with the guard's last position, and any other
// PIN is answered `wrong_pin` and counted (five in 15 minutes lock the PINs:
// verify-guard-pin.ts). A check-in moves the guard's period on
// (server/patrols/check-in-schedule.ts) and withdraws the "check in now"
// pre-alarm still queued for the guard's phones (an offline phone must not
// ask for a check-in already made). Every check-in with a msg_id is owed a
// receipt, kept on its dedupe row so a resend gets the same one.
import type { TransactionSql } from "postgres";
import { CHECK_IN_DUE_COMMAND, type CheckInResult } from "../../contracts/mqtt-payloads";
import type { AlertCandidate } from "../../services/alerts/alert-candidate";
import { countWrongPin, pinsLocked, verifyGuardPin, type WrongPins } from "../../services/check-ins/verify-guard-pin";
import type { ValidatedAs } from "../pipeline/types";
import { dedupeSource } from "./dedupe-messages";
import { receiptTopic, type Receipt } from "./receipt";

type CheckIn = ValidatedAs<"check-in">;

type GuardRow = {
  guardId: string;
  pinHash: string | null;
  duressPinHash: string | null;
  wrongPins: number | null;
  wrongPinsSince: Date | null;
  lat: number | null;
  lon: number | null;
  siteId: string | null;
};

type Outcome = { checkIn: CheckIn; result: CheckInResult; duress: boolean; locked: boolean };

export type RecordedCheckIns = {
  receipts: Receipt[];
  /** Duress alerts to raise with the batch's other alerts. */
  alerts: AlertCandidate[];
  /** What each check-in came to, for the metrics (after commit). */
  results: ("ok" | "wrong_pin" | "locked")[];
};

async function loadGuards(tx: TransactionSql, guardIds: string[]): Promise<Map<string, GuardRow>> {
  // The duress alert's site: an assignment of the guard's (the one made first when there are several).
  const rows = await tx<GuardRow[]>`
    select g.id as "guardId", g.pin_hash as "pinHash", g.duress_pin_hash as "duressPinHash",
           c.wrong_pins as "wrongPins", c.wrong_pins_since as "wrongPinsSince", p.lat, p.lon,
           (select a.site_id from guard_assignments a where a.guard_id = g.id order by a.created_at limit 1) as "siteId"
    from guards g
    left join guard_check_ins c on c.guard_id = g.id
    left join guard_positions p on p.guard_id = g.id
    where g.id = any(${guardIds}::uuid[])
    for update of g`;
  return new Map(rows.map((r) => [r.guardId, r]));
}

/** One guard's check-ins in order: the wrong-PIN count carries from one to the next. */
async function judgeGuard(guard: GuardRow, checkIns: CheckIn[], now: Date) {
  let wrong: WrongPins = { count: guard.wrongPins ?? 0, since: guard.wrongPinsSince };
  const outcomes: Outcome[] = [];
  for (const checkIn of checkIns) {
    const pin = checkIn.data.pin;
    if (pin === undefined) {
      outcomes.push({ checkIn, result: "ok", duress: false, locked: false });
    } else if (pinsLocked(wrong, now)) {
      outcomes.push({ checkIn, result: "wrong_pin", duress: false, locked: true });
    } else {
      const match = await verifyGuardPin(pin, guard);
      if (match === "wrong") wrong = countWrongPin(wrong, now);
      else wrong = { count: 0, since: null };
      outcomes.push({
        checkIn,
        result: match === "wrong" ? "wrong_pin" : "ok",
        duress: match === "duress",
        locked: false,
      });
    }
  }
  return { outcomes, wrong };
}

function duressAlert({ checkIn }: Outcome, guard: GuardRow): AlertCandidate {
  const { source, recordedAt } = checkIn;
  const location = guard.lat !== null && guard.lon !== null ? { lat: guard.lat, lon: guard.lon } : null;
  return {
    tenantId: source.tenantId,
    subject: { deviceId: null, guardId: source.guardId, externalId: source.externalId, name: source.name },
    siteId: guard.siteId,
    type: "duress",
    severity: "critical",
    message: `${source.name} entered the duress PIN (the phone shows an ordinary check-in)`,
    location,
    at: recordedAt,
    extra: { lastPositionKnown: location !== null },
  };
}

export async function recordCheckIns(tx: TransactionSql, checkIns: CheckIn[]): Promise<RecordedCheckIns> {
  if (checkIns.length === 0) return { receipts: [], alerts: [], results: [] };
  const now = new Date();
  const byGuard = new Map<string, CheckIn[]>();
  for (const c of checkIns) byGuard.set(c.source.guardId, [...(byGuard.get(c.source.guardId) ?? []), c]);
  const guards = await loadGuards(tx, [...byGuard.keys()]);
  // PINs are verified concurrently across guards (scrypt runs on libuv's pool), in order within one guard.
  const judged = await Promise.all(
    [...byGuard].flatMap(([guardId, list]) => {
      const guard = guards.get(guardId);
      return guard ? [judgeGuard(guard, list, now).then((j) => ({ guard, ...j }))] : [];
    }),
  );
  const receipts: Receipt[] = [];
  const alerts: AlertCandidate[] = [];
  const results: RecordedCheckIns["results"] = [];
  const refs: { source: string; msgId: string; ref: string }[] = [];
  const states: { guardId: string; tenantId: string; at: Date | null; wrong: WrongPins }[] = [];
  for (const { guard, outcomes, wrong } of judged) {
    let latest: Date | null = null;
    for (const outcome of outcomes) {
      const { checkIn, result, duress, locked } = outcome;
      results.push(locked ? "locked" : result);
      // A phone's clock a little ahead must not push the next due time out.
      const at = checkIn.recordedAt > now ? now : checkIn.recordedAt;
      if (result === "ok" && (latest === null || at > latest)) latest = at;
      if (duress) alerts.push(duressAlert(outcome, guard));
      if (checkIn.data.msg_id === undefined) continue;
      const body = { result };
      receipts.push({ topic: receiptTopic(checkIn.source), msgId: checkIn.data.msg_id, body });
      refs.push({ source: dedupeSource(checkIn), msgId: checkIn.data.msg_id, ref: JSON.stringify(body) });
    }
    states.push({ guardId: guard.guardId, tenantId: outcomes[0]!.checkIn.source.tenantId, at: latest, wrong });
  }
  await saveStates(tx, states);
  await withdrawPreAlarms(
    tx,
    states.flatMap((s) => (s.at ? [s.guardId] : [])),
  );
  if (refs.length > 0) {
    await tx`
      update ingest_dedupe d set ref = v.ref
      from unnest(${refs.map((r) => r.source)}::text[], ${refs.map((r) => r.msgId)}::text[],
                  ${refs.map((r) => r.ref)}::text[]) as v(source, msg_id, ref)
      where d.source = v.source and d.msg_id = v.msg_id`;
  }
  return { receipts, alerts, results };
}

/** Queued pre-alarms of guards who have just checked in, never delivered now ('expired': nobody answers them). */
async function withdrawPreAlarms(tx: TransactionSql, guardIds: string[]): Promise<void> {
  if (guardIds.length === 0) return;
  await tx`
    update device_commands c set status = 'expired'
    from devices d
    where d.id = c.device_id and d.tenant_id = c.tenant_id and d.guard_id = any(${guardIds}::uuid[])
      and c.type = ${CHECK_IN_DUE_COMMAND} and c.status = 'queued'`;
}

async function saveStates(
  tx: TransactionSql,
  states: { guardId: string; tenantId: string; at: Date | null; wrong: WrongPins }[],
): Promise<void> {
  if (states.length === 0) return;
  await tx`
    insert into guard_check_ins (guard_id, tenant_id, last_check_in_at, wrong_pins, wrong_pins_since)
    select * from unnest(${states.map((s) => s.guardId)}::uuid[], ${states.map((s) => s.tenantId)}::uuid[],
                         ${states.map((s) => s.at?.toISOString() ?? null)}::timestamptz[],
                         ${states.map((s) => s.wrong.count)}::int[],
                         ${states.map((s) => s.wrong.since?.toISOString() ?? null)}::timestamptz[])
    on conflict (guard_id) do update
      set last_check_in_at = greatest(guard_check_ins.last_check_in_at, excluded.last_check_in_at),
          wrong_pins = excluded.wrong_pins, wrong_pins_since = excluded.wrong_pins_since`;
}

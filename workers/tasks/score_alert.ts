// Scores a new alert with its tenant's promoted false-alarm model: the
// probability is stored on the alert and broadcast to the tenant's consoles.
// Panic and man-down alerts are never scored. Models are rebuilt once per
// version and kept in this process.
import type { Task } from "graphile-worker";
import { parseJobPayload } from "../../server/contracts/jobs";
import { socketEvents, type AlertDto } from "../../server/contracts/socket-events";
import { loadModel, type FalseAlarmPredictor } from "../../server/ml/false-alarm-model";
import { NEVER_SCORED_TYPES } from "../../server/contracts/ml";
import { loadAlertFeatures } from "../../server/ml/load-alert-features";
import type { TaskDeps } from "../task-deps";

type AlertRow = Omit<AlertDto, "firstSeenAt" | "lastSeenAt"> & { firstSeenAt: Date; lastSeenAt: Date };

const predictors = new Map<string, Promise<FalseAlarmPredictor>>();
const KEPT_MODELS = 20;

export function score_alert({ broadcaster }: Pick<TaskDeps, "broadcaster">): Task {
  return async (raw, helpers) => {
    const { alertId } = parseJobPayload("score_alert", raw);
    const features = await loadAlertFeatures(helpers.query, alertId);
    if (!features || NEVER_SCORED_TYPES.includes(features.type)) return;
    const { rows: promoted } = await helpers.query<{ id: string; version: number }>(
      "select id, version from ml_models where tenant_id = $1 and promoted_at is not null order by promoted_at desc limit 1",
      [features.tenantId],
    );
    const model = promoted[0];
    if (!model) return;
    let predictor = predictors.get(model.id);
    if (!predictor) {
      predictor = helpers
        .query<{ model: unknown }>("select model from ml_models where id = $1", [model.id])
        .then(({ rows }) => loadModel(rows[0]!.model));
      predictor.catch(() => predictors.delete(model.id));
      if (predictors.size >= KEPT_MODELS) predictors.delete(predictors.keys().next().value!);
      predictors.set(model.id, predictor);
    }
    const [score] = await (await predictor).predict([features]);
    const { rows } = await helpers.query<AlertRow>(
      `with scored as (
         update alerts set false_alarm_score = $2, scored_by_model_version = $3
         where id = $1 and type <> all($4::text[]) returning *)
       select a.id, a.type, a.severity, a.status, a.message, a.lat, a.lon, a.count,
              coalesce(d.external_id, g.external_id, '') as "sourceExternalId",
              coalesce(d.name, g.name, d.external_id, '') as "sourceName",
              a.first_seen_at as "firstSeenAt", a.last_seen_at as "lastSeenAt", a.false_alarm_score as "falseAlarmScore"
       from scored a left join devices d on d.id = a.device_id left join guards g on g.id = a.guard_id`,
      [alertId, score, model.version, NEVER_SCORED_TYPES],
    );
    const alert = rows[0];
    if (!alert) return;
    broadcaster.toTenant(features.tenantId, socketEvents.alertsChanged, [
      { ...alert, firstSeenAt: alert.firstSeenAt.toISOString(), lastSeenAt: alert.lastSeenAt.toISOString() },
    ]);
  };
}

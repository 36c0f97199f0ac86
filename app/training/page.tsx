// /training - the false-alarm model: start a training run and watch it live,
// past runs with their metrics, and the model versions (promote one to score
// new alerts). For managers and admins.
import type { Metadata } from "next";
import { TrainingConsole } from "@/components/training/training-console";
import { mlRoles } from "@/server/contracts/ml";
import { requirePageActor } from "@/server/auth/page-auth";
import { listMlModels } from "@/server/presenters/ml/list-ml-models";
import { listTrainingRuns } from "@/server/presenters/ml/list-training-runs";
import { getRuntime } from "@/server/runtime";
import { ConsoleFrame } from "../console-frame";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Training" };

export default async function TrainingPage() {
  const actor = await requirePageActor();
  const allowed = (mlRoles as readonly string[]).includes(actor.role);
  const { db, env } = getRuntime();
  const [runs, models] = allowed ? await Promise.all([listTrainingRuns(db, actor), listMlModels(db, actor)]) : [[], []];
  return (
    <ConsoleFrame actor={actor}>
      <main className="page">
        <div className="page-header">
          <h1>False-alarm model</h1>
          <span className="muted">Learns from resolved sensor and device alerts; never scores panic or man-down</span>
        </div>
        {allowed ? (
          <TrainingConsole initialRuns={runs} initialModels={models} defaultEpochs={env.ML_TRAINING_EPOCHS} />
        ) : (
          <p className="empty muted">Training is open to managers and admins.</p>
        )}
      </main>
    </ConsoleFrame>
  );
}

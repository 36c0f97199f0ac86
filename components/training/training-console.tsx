"use client";
// The training page: start a run, watch running ones live (progress bar and
// loss curve from training:progress events), past runs with their metrics,
// and the model versions with Promote. Everything is reloaded after each
// (re)connect, since Socket.IO keeps nothing for a disconnected browser.
import { useState, type FormEvent } from "react";
import type { MlModelDto, TrainingRunDto } from "@/server/contracts/ml";
import { ConnectionStatus } from "../realtime/connection-status";
import { useLiveEvents } from "../realtime/use-live-events";
import { apiRequest } from "../ui/api-request";
import { fieldA11y, FormField } from "../ui/form-field";
import { ActiveRun } from "./active-run";
import { ModelVersions } from "./model-versions";
import { PastRuns } from "./past-runs";
import { isActive, mergeRuns } from "./training-runs-state";

type Props = { initialRuns: TrainingRunDto[]; initialModels: MlModelDto[]; defaultEpochs: number };

export function TrainingConsole({ initialRuns, initialModels, defaultEpochs }: Props) {
  const [runs, setRuns] = useState(initialRuns);
  const [models, setModels] = useState(initialModels);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const [epochs, setEpochs] = useState(String(defaultEpochs));
  const [epochsError, setEpochsError] = useState<string | undefined>(undefined);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [runErrors, setRunErrors] = useState<Record<string, string>>({});
  const [promoting, setPromoting] = useState<string | null>(null);
  const [modelError, setModelError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const apply = (incoming: TrainingRunDto[]) => setRuns((known) => mergeRuns(known, incoming));
  const reloadModels = async () => {
    const result = await apiRequest<MlModelDto[]>("/api/v1/ml-models");
    if (result.ok) setModels(result.data);
  };
  const reload = async () => {
    const result = await apiRequest<TrainingRunDto[]>("/api/v1/training-runs");
    if (result.ok) apply(result.data);
    await reloadModels();
  };

  const state = useLiveEvents({
    "training:progress": ({ run }) => {
      apply([run]);
      if (run.status === "succeeded") void reloadModels();
    },
    "training:finished": ({ run }) => {
      setNotice(
        run.status === "succeeded"
          ? `Your training run finished: model v${run.modelVersion} (test AUC ${run.metrics?.testAuc?.toFixed(3)}).`
          : `Your training run ${run.status}: ${run.error ?? ""}`,
      );
    },
    onConnect: () => void reload(),
  });

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setStarting(true);
    const result = await apiRequest<TrainingRunDto>("/api/v1/training-runs", {
      method: "POST",
      body: { epochs: epochs.trim() === "" ? undefined : Number(epochs) },
    });
    setStarting(false);
    setEpochsError(result.ok ? undefined : result.fields.epochs);
    if (!result.ok) return setStartError(result.fields.epochs ? null : result.message);
    setStartError(null);
    apply([result.data]);
  };

  const cancel = async (runId: string) => {
    setCancelling(runId);
    const result = await apiRequest<TrainingRunDto>(`/api/v1/training-runs/${runId}/cancel`, { method: "POST" });
    setCancelling(null);
    if (!result.ok) return setRunErrors((e) => ({ ...e, [runId]: result.message }));
    apply([result.data]);
  };

  const promote = async (modelId: string) => {
    setPromoting(modelId);
    const result = await apiRequest<MlModelDto>(`/api/v1/ml-models/${modelId}/promote`, { method: "POST" });
    setPromoting(null);
    if (!result.ok) return setModelError(result.message);
    setModelError(null);
    await reloadModels();
  };

  const active = runs.filter(isActive);
  const ended = runs.filter((r) => !isActive(r));
  return (
    <>
      <form className="training-toolbar" onSubmit={(e) => void start(e)} noValidate>
        <FormField id="training-epochs" label="Epochs" error={epochsError}>
          <input
            {...fieldA11y("training-epochs", epochsError)}
            type="number"
            min={1}
            max={500}
            value={epochs}
            onChange={(e) => setEpochs(e.target.value)}
          />
        </FormField>
        <button type="submit" className="btn" disabled={starting}>
          {starting ? "Starting…" : "Start training"}
        </button>
        {startError && (
          <p className="field-error" role="alert">
            {startError}
          </p>
        )}
        <span className="spacer" />
        <ConnectionStatus state={state} />
      </form>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <section aria-label="Running training" className="training-active">
        {active.map((run) => (
          <ActiveRun
            key={run.id}
            run={run}
            cancelling={cancelling === run.id}
            error={runErrors[run.id] ?? null}
            onCancel={() => void cancel(run.id)}
          />
        ))}
      </section>
      <div className="training-grid">
        <section className="panel" aria-label="Past runs">
          <h2>Past runs</h2>
          <PastRuns runs={ended} />
        </section>
        <section className="panel" aria-label="Model versions">
          <h2>Model versions</h2>
          <ModelVersions models={models} promoting={promoting} onPromote={(id) => void promote(id)} />
          {modelError && (
            <p className="error" role="alert">
              {modelError}
            </p>
          )}
        </section>
      </div>
    </>
  );
}

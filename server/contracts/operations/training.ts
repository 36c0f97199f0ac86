// The false-alarm model: training runs and model versions.
import { z } from "zod";
import { mlModelDto, mlRoles, startTrainingRunInput, trainingRunDto } from "../ml";
import { defineOperation } from "../operation";
import { uuidParams } from "./params";

export const listTrainingRuns = defineOperation({
  method: "get",
  path: "/api/v1/training-runs",
  summary: "The tenant's recent false-alarm model training runs.",
  tag: "Training",
  roles: mlRoles,
  response: { status: 200, description: "The runs, newest first.", schema: z.array(trainingRunDto) },
});

export const startTrainingRun = defineOperation({
  method: "post",
  path: "/api/v1/training-runs",
  summary: "Queue a training run of the false-alarm model; 409 while one is queued or running.",
  tag: "Training",
  roles: mlRoles,
  body: startTrainingRunInput,
  response: { status: 202, description: "Queued; the run.", schema: trainingRunDto },
  errors: [409],
});

export const getTrainingRun = defineOperation({
  method: "get",
  path: "/api/v1/training-runs/{id}",
  summary: "One training run: status, progress per epoch, metrics.",
  tag: "Training",
  roles: mlRoles,
  params: uuidParams,
  response: { status: 200, description: "The run.", schema: trainingRunDto },
  errors: [404],
});

export const cancelTrainingRun = defineOperation({
  method: "post",
  path: "/api/v1/training-runs/{id}/cancel",
  summary: "Stop a queued or running training run (a running one stops after its current epoch).",
  tag: "Training",
  roles: mlRoles,
  params: uuidParams,
  response: { status: 200, description: "The run, cancelled or asked to stop.", schema: trainingRunDto },
  errors: [404, 409],
  errorNotes: { 409: "The run has already ended." },
});

export const listMlModels = defineOperation({
  method: "get",
  path: "/api/v1/ml-models",
  summary: "The tenant's false-alarm model versions with their test metrics.",
  tag: "Training",
  roles: mlRoles,
  response: { status: 200, description: "The model versions, newest first.", schema: z.array(mlModelDto) },
});

export const promoteMlModel = defineOperation({
  method: "post",
  path: "/api/v1/ml-models/{id}/promote",
  summary: "Make this model version the one that scores new alerts (the previous one steps down).",
  tag: "Training",
  roles: mlRoles,
  params: uuidParams,
  response: { status: 200, description: "The promoted model version.", schema: mlModelDto },
  errors: [404],
});

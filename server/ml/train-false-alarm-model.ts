// Trains the false-alarm model on resolved alerts: a stratified split into
// training, validation and test sets, a small network fitted epoch by epoch
// (each epoch reported with its loss and validation AUC; the caller may stop
// between epochs), then AUC and accuracy on the held-out test set beside the
// base rate a model must beat.
import { buildEncoding, encodeFeatures, featureCount, type AlertFeatures } from "./alert-features";
import { accuracy, rocAuc } from "./evaluate";
import { buildNetwork, predictWith, serializeModel, type SerializedModel } from "./false-alarm-model";
import { splitExamples } from "./split-examples";
import { tensorflow } from "./tf";

export type LabelledAlert = AlertFeatures & { falseAlarm: boolean };

export type EpochReport = {
  epoch: number;
  totalEpochs: number;
  loss: number;
  validationAuc: number | null;
  elapsedMs: number;
};

type ModelMetrics = {
  testAuc: number;
  testAccuracy: number;
  /** Share of false alarms in the test set. */
  baseRate: number;
  /** Accuracy of always answering the more common outcome: the bar to beat. */
  baselineAccuracy: number;
  finalLoss: number;
  trainExamples: number;
  validationExamples: number;
  testExamples: number;
};

export type TrainingResult =
  { status: "completed"; model: SerializedModel; metrics: ModelMetrics } | { status: "stopped"; epochsRun: number };

export const MIN_EXAMPLES_PER_OUTCOME = 5;

export class NotEnoughHistory extends Error {}

const HIDDEN_UNITS = 8;

export async function trainFalseAlarmModel({
  examples,
  epochs,
  seed = 7,
  learningRate = 0.02,
  batchSize = 64,
  onEpoch,
}: {
  examples: LabelledAlert[];
  epochs: number;
  seed?: number;
  learningRate?: number;
  batchSize?: number;
  /** Called after every epoch; answering false stops training. */
  onEpoch?: (report: EpochReport) => Promise<boolean | void> | boolean | void;
}): Promise<TrainingResult> {
  const falseAlarms = examples.filter((e) => e.falseAlarm).length;
  const real = examples.length - falseAlarms;
  if (falseAlarms < MIN_EXAMPLES_PER_OUTCOME || real < MIN_EXAMPLES_PER_OUTCOME) {
    throw new NotEnoughHistory(
      `Training needs at least ${MIN_EXAMPLES_PER_OUTCOME} resolved alerts of each outcome; ` +
        `there are ${real} real and ${falseAlarms} false alarms.`,
    );
  }
  const { tf } = await tensorflow();
  const label = (e: LabelledAlert) => (e.falseAlarm ? 1 : 0);
  const split = splitExamples(examples, label, { seed });
  const encoding = buildEncoding(split.train);
  const network = await buildNetwork({ inputSize: featureCount(encoding), hiddenUnits: HIDDEN_UNITS, seed });
  network.compile({ optimizer: tf.train.adam(learningRate), loss: "binaryCrossentropy" });

  const x = tf.tensor2d(split.train.map((e) => encodeFeatures(encoding, e)));
  const y = tf.tensor2d(split.train.map((e) => [label(e)]));
  const validationLabels = split.validation.map(label);
  const started = performance.now();
  let epochsRun = 0;
  let stopped = false;
  let lastLoss = Number.NaN;
  try {
    await network.fit(x, y, {
      epochs,
      batchSize,
      shuffle: true,
      verbose: 0,
      // Hand the event loop back after every batch (a setImmediate), so the worker's other jobs keep running.
      yieldEvery: "batch",
      callbacks: {
        onEpochEnd: async (epoch, logs) => {
          epochsRun = epoch + 1;
          lastLoss = logs?.loss ?? Number.NaN;
          const scores = await predictWith(network, encoding, split.validation);
          const carryOn = await onEpoch?.({
            epoch: epoch + 1,
            totalEpochs: epochs,
            loss: lastLoss,
            validationAuc: rocAuc(validationLabels, scores),
            elapsedMs: performance.now() - started,
          });
          if (carryOn === false) {
            stopped = true;
            network.stopTraining = true;
          }
        },
      },
    });
    if (stopped) return { status: "stopped", epochsRun };
    const testLabels = split.test.map(label);
    const testScores = await predictWith(network, encoding, split.test);
    const baseRate = testLabels.filter((l) => l === 1).length / testLabels.length;
    return {
      status: "completed",
      model: await serializeModel(network, encoding, HIDDEN_UNITS),
      metrics: {
        testAuc: rocAuc(testLabels, testScores) ?? 0.5,
        testAccuracy: accuracy(testLabels, testScores),
        baseRate,
        baselineAccuracy: Math.max(baseRate, 1 - baseRate),
        finalLoss: lastLoss,
        trainExamples: split.train.length,
        validationExamples: split.validation.length,
        testExamples: split.test.length,
      },
    };
  } finally {
    x.dispose();
    y.dispose();
    network.dispose();
  }
}

// The false-alarm model as stored in ml_models.model: the feature encoding
// and the weights of a small network (one hidden layer, sigmoid output), so
// a stored version can be rebuilt and asked for P(false alarm).
import type { LayersModel } from "@tensorflow/tfjs-layers";
import { encodeFeatures, type AlertFeatures, type FeatureEncoding } from "./alert-features";
import { tensorflow } from "./tf";

const MODEL_FORMAT = "vigil-false-alarm/1";

export type SerializedModel = {
  format: typeof MODEL_FORMAT;
  encoding: FeatureEncoding;
  hiddenUnits: number;
  weights: { shape: number[]; values: number[] }[];
};

export type FalseAlarmPredictor = { predict: (alerts: AlertFeatures[]) => Promise<number[]> };

export async function buildNetwork({
  inputSize,
  hiddenUnits,
  seed,
}: {
  inputSize: number;
  hiddenUnits: number;
  seed: number;
}): Promise<LayersModel> {
  const { layers } = await tensorflow();
  return layers.sequential({
    layers: [
      layers.layers.dense({
        inputShape: [inputSize],
        units: hiddenUnits,
        activation: "relu",
        kernelInitializer: layers.initializers.glorotUniform({ seed }),
        kernelRegularizer: layers.regularizers.l2({ l2: 1e-3 }),
      }),
      layers.layers.dense({
        units: 1,
        activation: "sigmoid",
        kernelInitializer: layers.initializers.glorotUniform({ seed: seed + 1 }),
      }),
    ],
  });
}

export async function predictWith(
  network: LayersModel,
  encoding: FeatureEncoding,
  alerts: AlertFeatures[],
): Promise<number[]> {
  if (alerts.length === 0) return [];
  const { tf } = await tensorflow();
  return tf.tidy(() => {
    const x = tf.tensor2d(alerts.map((a) => encodeFeatures(encoding, a)));
    const y = network.predict(x) as ReturnType<typeof tf.tensor2d>;
    return Array.from(y.dataSync());
  });
}

export async function serializeModel(
  network: LayersModel,
  encoding: FeatureEncoding,
  hiddenUnits: number,
): Promise<SerializedModel> {
  const weights = await Promise.all(
    network.getWeights().map(async (w) => ({ shape: w.shape, values: Array.from(await w.data()) })),
  );
  return { format: MODEL_FORMAT, encoding, hiddenUnits, weights };
}

export async function loadModel(stored: unknown): Promise<FalseAlarmPredictor> {
  const model = stored as SerializedModel;
  if (model?.format !== MODEL_FORMAT) throw new Error(`unknown model format ${String(model?.format)}`);
  const { tf } = await tensorflow();
  const inputSize = model.weights[0]?.shape[0];
  if (!inputSize) throw new Error("stored model has no weights");
  const network = await buildNetwork({ inputSize, hiddenUnits: model.hiddenUnits, seed: 1 });
  network.setWeights(model.weights.map((w) => tf.tensor(w.values, w.shape)));
  return { predict: (alerts) => predictWith(network, model.encoding, alerts) };
}

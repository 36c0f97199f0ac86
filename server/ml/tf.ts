// TensorFlow.js on its pure-JavaScript CPU backend: nothing native, nothing
// downloaded at run time. Loaded on first use (training or scoring with a
// promoted model): it adds about 65 MB to a process that never needs it.
// Production mode also silences the banner that suggests the native Node backend.
import type * as TfCore from "@tensorflow/tfjs-core";
import type * as TfLayers from "@tensorflow/tfjs-layers";

type Tf = typeof TfCore;
type Layers = typeof TfLayers;

let ready: Promise<{ tf: Tf; layers: Layers }> | undefined;

export function tensorflow(): Promise<{ tf: Tf; layers: Layers }> {
  ready ??= (async () => {
    const tf = await import("@tensorflow/tfjs-core");
    await import("@tensorflow/tfjs-backend-cpu");
    const layers = await import("@tensorflow/tfjs-layers");
    tf.enableProdMode();
    await tf.setBackend("cpu");
    return { tf, layers };
  })();
  return ready;
}

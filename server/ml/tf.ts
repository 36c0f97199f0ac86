// TensorFlow.js on its pure-JavaScript CPU backend: nothing native, nothing
// downloaded at run time. Production mode also silences the banner that
// suggests the native Node backend.
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import * as layers from "@tensorflow/tfjs-layers";

let ready: Promise<void> | undefined;

export function tensorflow(): Promise<{ tf: typeof tf; layers: typeof layers }> {
  ready ??= (async () => {
    tf.enableProdMode();
    await tf.setBackend("cpu");
  })();
  return ready.then(() => ({ tf, layers }));
}

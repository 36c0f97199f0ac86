// Reads a QR code from a camera frame or a photo: the browser's
// BarcodeDetector where it has one, else jsQR on the image's pixels.
import jsQR from "jsqr";

type Detector = { detect: (source: ImageBitmapSource) => Promise<{ rawValue: string }[]> };
type DetectorClass = new (options: { formats: string[] }) => Detector;

let detector: Detector | null | undefined;

function nativeDetector(): Detector | null {
  if (detector !== undefined) return detector;
  const Native = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  try {
    detector = Native ? new Native({ formats: ["qr_code"] }) : null;
  } catch {
    detector = null;
  }
  return detector;
}

/** The text of the first QR code in the image (a video frame, a bitmap or an image), or null. */
export async function decodeQr(
  source: HTMLVideoElement | ImageBitmap,
  width: number,
  height: number,
): Promise<string | null> {
  const native = nativeDetector();
  if (native) {
    try {
      const [code] = await native.detect(source);
      if (code) return code.rawValue;
    } catch {
      // Fall through to jsQR.
    }
  }
  if (width === 0 || height === 0) return null;
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(source, 0, 0, width, height);
  const { data } = context.getImageData(0, 0, width, height);
  return jsQR(data, width, height)?.data ?? null;
}

/** The QR code in a photo the guard picked (the camera app, or the gallery). */
export async function decodeQrFile(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  try {
    return await decodeQr(bitmap, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}

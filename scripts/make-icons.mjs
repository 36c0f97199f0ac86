// Renders the app icon (app/icon.svg) to the PNGs the web app manifest and iOS
// need: public/icons/icon-192.png, icon-512.png, maskable-512.png (the shield
// inside the safe zone of a full-bleed square) and app/apple-icon.png (180).
// Uses sharp, which Next.js installs for image optimisation (not a dependency of
// our own, so knip.json ignores it; the script is only run by hand). The PNGs are
// committed; run this again after changing the SVG: node scripts/make-icons.mjs
import { readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

const root = path.join(import.meta.dirname, "..");
const svg = await readFile(path.join(root, "app/icon.svg"));
const BACKGROUND = "#0b1220";

async function render(size, file) {
  await sharp(svg, { density: (72 * size) / 32 })
    .resize(size, size)
    .png()
    .toFile(path.join(root, file));
}

// A maskable icon may be cropped to a circle: the artwork keeps to the middle 80%.
async function renderMaskable(size, file) {
  const inner = Math.round(size * 0.8);
  const art = await sharp(svg, { density: (72 * inner) / 32 })
    .resize(inner, inner)
    .png()
    .toBuffer();
  await sharp({ create: { width: size, height: size, channels: 4, background: BACKGROUND } })
    .composite([{ input: art, gravity: "centre" }])
    .png()
    .toFile(path.join(root, file));
}

await render(192, "public/icons/icon-192.png");
await render(512, "public/icons/icon-512.png");
await renderMaskable(512, "public/icons/maskable-512.png");
await render(180, "app/apple-icon.png");

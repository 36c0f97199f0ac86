// GET /g/manifest.webmanifest - the guard app's web app manifest: installs /g
// on a guard's phone under its own name (the NOC's app/manifest.ts opens /m).
const manifest = {
  name: "Vigil guard",
  short_name: "Guard",
  description: "Patrols, check-ins and the panic button for guards on shift",
  id: "/g",
  start_url: "/g",
  scope: "/g",
  display: "standalone",
  orientation: "portrait",
  background_color: "#0b1220",
  theme_color: "#0b1220",
  icons: [
    { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
    { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
    { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
  ],
};

export function GET(): Response {
  return Response.json(manifest, { headers: { "content-type": "application/manifest+json" } });
}

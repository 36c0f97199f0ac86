// The web app manifest (/manifest.webmanifest): lets supervisors install Vigil
// on a phone, which iOS requires before it delivers web push. Installing is for
// phones, so it opens on the phone page (/m, the open alerts; the sign-in page
// first when signed out).
// The PNG icons are made from app/icon.svg by scripts/make-icons.mjs.
import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Vigil NOC",
    short_name: "Vigil",
    description: "Real-time operations centre for guards and IoT field operations",
    start_url: "/m",
    scope: "/",
    display: "standalone",
    background_color: "#0b1220",
    theme_color: "#0b1220",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}

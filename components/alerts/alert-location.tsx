"use client";
// Where the alert was raised: a small map (usable without tiles), the
// coordinates, and a link to the NOC map centred there.
import dynamic from "next/dynamic";
import Link from "next/link";
import { mapHref } from "./alert-labels";

const PointMap = dynamic(() => import("../map/point-map").then((m) => m.PointMap), {
  ssr: false,
  loading: () => <p className="muted">Loading map…</p>,
});

type Props = { id: string; lat: number | null; lon: number | null; tileUrl: string | null };

export function AlertLocation({ id, lat, lon, tileUrl }: Props) {
  const href = mapHref({ id, lat, lon });
  if (lat === null || lon === null || !href) return <p className="muted">No location was reported with this alert.</p>;
  return (
    <>
      <div className="alert-map" aria-label="Alert location">
        <PointMap lat={lat} lon={lon} tileUrl={tileUrl} />
      </div>
      <p className="panel-foot">
        <span className="mono">
          {lat.toFixed(5)}, {lon.toFixed(5)}
        </span>{" "}
        · <Link href={href}>Show on the NOC map</Link>
      </p>
    </>
  );
}

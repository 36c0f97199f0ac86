// The guards on the NOC map, drawn on the map's one canvas: each guard a
// circle in its state's colour when zoomed in, and clusters with counts
// (supercluster) below CLUSTER_BELOW_ZOOM. Every change, however many
// positions arrive, is applied once per animation frame. Re-clustering costs
// a few milliseconds at 5,000 guards, so while guards move it runs at most
// every RECLUSTER_MS (a cluster's centre barely moves in that time); a zoom,
// a pan or a state change re-clusters at the next frame. Zoomed in, only the
// guards within the canvas are on the map, and a guard's marker is made the
// first time it is drawn on its own: making 5,000 markers with their tooltips
// up front took a third of the NOC's first paint, for a view that shows clusters.
import L from "leaflet";
import Supercluster from "supercluster";
import type { GuardPositionDto } from "@/server/contracts/socket-events";
import type { PositionStore } from "../noc/position-store";
import { ClusterMarker, clusterStyle } from "./cluster-marker";
import { GUARD_STATES, STATE_COLOURS, STATE_LABELS, stateRank, type GuardState } from "./guard-state";
import { plainText } from "./plain-text";

const CLUSTER_BELOW_ZOOM = 15;
const RECLUSTER_MS = 200;
/** How often guards are checked for having gone quiet (offline by time). */
const RECHECK_MS = 5000;

type Shown = { marker: L.CircleMarker | null; state: GuardState; position: GuardPositionDto };
type Members = { worst: number; counts: number[] };
export type StateCounts = Record<GuardState, number>;
/** What is drawn, for tests and the map benchmark (window.vigilNoc). */
export type DrawnMarker =
  | { kind: "cluster"; lat: number; lon: number; count: number; state: GuardState }
  | { kind: "guard"; lat: number; lon: number; externalId: string; state: GuardState };

const guardStyle = (state: GuardState): L.CircleMarkerOptions => ({ fillColor: STATE_COLOURS[state] });

function clusterLabel(members: Members, count: number): string {
  const notable = GUARD_STATES.flatMap((s, i) =>
    s !== "ok" && members.counts[i] ? [`${members.counts[i]} ${STATE_LABELS[s].toLowerCase()}`] : [],
  );
  return `${count} guards${notable.length ? `: ${notable.join(", ")}` : ""}. Click to zoom in.`;
}

export function createGuardLayer({
  map,
  renderer,
  store,
  stateOf,
  onCounts,
}: {
  map: L.Map;
  renderer: L.Canvas;
  store: PositionStore;
  stateOf: (position: GuardPositionDto) => GuardState;
  onCounts: (counts: StateCounts) => void;
}) {
  const guards = new Map<string, Shown>();
  const onMap = new Set<string>();
  const pool: ClusterMarker[] = [];
  let clustersShown = 0;
  let index: Supercluster<{ id: string; rank: number }, Members> | null = null;
  let indexStale = true;
  let indexedAt = 0;
  let viewChanged = true;
  /** Zoomed in past the clusters at the last frame. */
  let singlesMode = false;
  let recheckAll = true;
  let lastCounts = "";
  let frame = 0;
  let later: ReturnType<typeof setTimeout> | undefined;

  const schedule = () => {
    frame ||= requestAnimationFrame(apply);
  };

  function guardMarker(position: GuardPositionDto, state: GuardState): L.CircleMarker {
    return L.circleMarker([position.lat, position.lon], {
      renderer,
      radius: 6,
      color: "#0b1220",
      weight: 1.5,
      fillOpacity: 0.95,
      ...guardStyle(state),
    }).bindTooltip(plainText(`${position.name} (${position.externalId})`));
  }

  function markerOf(shown: Shown): L.CircleMarker {
    shown.marker ??= guardMarker(shown.position, shown.state);
    return shown.marker;
  }

  function showOnly(ids: Iterable<string>) {
    const wanted = new Set(ids);
    for (const id of onMap) {
      if (wanted.has(id)) continue;
      guards.get(id)?.marker?.remove();
      onMap.delete(id);
    }
    for (const id of wanted) {
      if (onMap.has(id)) continue;
      const shown = guards.get(id);
      if (!shown) continue;
      markerOf(shown).addTo(map).bringToBack(); // alert markers stay on top
      onMap.add(id);
    }
  }

  function cluster(now: number) {
    const zoom = Math.floor(map.getZoom());
    if (!index || indexStale || zoom < index.options.minZoom) {
      index = new Supercluster<{ id: string; rank: number }, Members>({
        // Leaflet's tiles are 256 px: with that extent the radius is in screen pixels.
        extent: 256,
        radius: 50,
        minZoom: Math.max(0, zoom),
        maxZoom: CLUSTER_BELOW_ZOOM - 1,
        map: ({ rank }) => ({ worst: rank, counts: GUARD_STATES.map((_, i) => (i === rank ? 1 : 0)) }),
        reduce: (into, from) => {
          into.worst = Math.min(into.worst, from.worst);
          for (let i = 0; i < into.counts.length; i++) into.counts[i]! += from.counts[i]!;
        },
      }).load(
        [...guards.entries()].map(([id, { position, state }]) => ({
          type: "Feature" as const,
          properties: { id, rank: stateRank(state) },
          geometry: { type: "Point" as const, coordinates: [position.lon, position.lat] },
        })),
      );
      indexStale = false;
      indexedAt = now;
    }
    const bounds = map.getBounds().pad(0.2); // the canvas renderer's padding
    const features = index.getClusters(
      [bounds.getWest(), Math.max(bounds.getSouth(), -85), bounds.getEast(), Math.min(bounds.getNorth(), 85)],
      zoom,
    );
    const singles: string[] = [];
    let used = 0;
    for (const feature of features) {
      const [lon, lat] = feature.geometry.coordinates as [number, number];
      const props = feature.properties;
      if (!("cluster" in props)) {
        singles.push(props.id);
        continue;
      }
      const state = GUARD_STATES[props.worst] ?? "ok";
      let marker = pool[used];
      if (!marker) {
        marker = new ClusterMarker([lat, lon], { renderer, ...clusterStyle(state, props.point_count) });
        marker.on("click", (event) => zoomInto((event.target as ClusterMarker).clusterId, event.latlng));
        marker.bindTooltip("");
        pool.push(marker);
      }
      marker.show(props.point_count, props.cluster_id, state);
      marker.setLatLng([lat, lon]).setTooltipContent(clusterLabel(props, props.point_count));
      if (used >= clustersShown) marker.addTo(map).bringToBack();
      used++;
    }
    for (let i = used; i < clustersShown; i++) pool[i]!.remove();
    clustersShown = used;
    showOnly(singles);
  }

  function zoomInto(clusterId: number, at: L.LatLng) {
    if (!index) return;
    const zoom = Math.min(index.getClusterExpansionZoom(clusterId), CLUSTER_BELOW_ZOOM);
    map.setView(at, Math.max(zoom, map.getZoom() + 1));
  }

  function apply() {
    frame = 0;
    const now = Date.now();
    const all = store.all();
    const changed = recheckAll ? [...all.keys()] : store.takeChanged();
    if (recheckAll) store.takeChanged();
    recheckAll = false;
    let statesChanged = false;
    for (const id of changed) {
      const position = all.get(id);
      if (!position) continue;
      const state = stateOf(position);
      const shown = guards.get(id);
      if (!shown) {
        guards.set(id, { marker: null, state, position });
        statesChanged = true;
        continue;
      }
      if (shown.position !== position) shown.marker?.setLatLng([position.lat, position.lon]);
      shown.position = position;
      if (shown.state !== state) {
        shown.state = state;
        shown.marker?.setStyle(guardStyle(state));
        statesChanged = true;
      }
    }
    if (statesChanged) reportCounts();

    if (map.getZoom() >= CLUSTER_BELOW_ZOOM) {
      for (let i = 0; i < clustersShown; i++) pool[i]!.remove();
      clustersShown = 0;
      index = null;
      // Only guards on the canvas (the view and the renderer's margin) are on the map: Leaflet
      // walks every layer on each redraw and hover, and projects each one that moves.
      const view = map.getBounds().pad(0.2);
      const inView = ({ lat, lon }: GuardPositionDto) => view.contains([lat, lon]);
      if (viewChanged || !singlesMode) {
        showOnly([...guards].flatMap(([id, shown]) => (inView(shown.position) ? [id] : [])));
      } else {
        for (const id of changed) {
          const shown = guards.get(id);
          if (!shown || inView(shown.position) === onMap.has(id)) continue;
          if (onMap.has(id)) {
            shown.marker?.remove();
            onMap.delete(id);
          } else {
            markerOf(shown).addTo(map).bringToBack();
            onMap.add(id);
          }
        }
      }
      singlesMode = true;
    } else {
      singlesMode = false;
      if (changed.length > 0) indexStale = true;
      const due = indexedAt + RECLUSTER_MS - now;
      if (viewChanged || statesChanged || !index || (indexStale && due <= 0)) {
        if (statesChanged) indexStale = true;
        cluster(now);
      } else if (indexStale) {
        clearTimeout(later);
        later = setTimeout(schedule, due);
      }
    }
    viewChanged = false;
  }

  function reportCounts() {
    const counts = Object.fromEntries(GUARD_STATES.map((s) => [s, 0])) as StateCounts;
    for (const { state } of guards.values()) counts[state]++;
    const key = JSON.stringify(counts);
    if (key === lastCounts) return;
    lastCounts = key;
    onCounts(counts);
  }

  const onView = () => {
    viewChanged = true;
    schedule();
  };
  map.on("zoomend moveend", onView);
  const unsubscribe = store.subscribe(schedule);
  const recheck = setInterval(() => {
    recheckAll = true;
    schedule();
  }, RECHECK_MS);
  apply();

  return {
    /** The states may have changed (alerts came or went): look at every guard again at the next frame. */
    recheck() {
      recheckAll = true;
      schedule();
    },
    drawn(): DrawnMarker[] {
      const clusters = pool.slice(0, clustersShown).map((m): DrawnMarker => {
        const { lat, lng } = m.getLatLng();
        return { kind: "cluster", lat, lon: lng, count: m.count, state: m.state };
      });
      const singles = [...onMap].flatMap((id): DrawnMarker[] => {
        const shown = guards.get(id);
        if (!shown) return [];
        const { lat, lon, externalId } = shown.position;
        return [{ kind: "guard", lat, lon, externalId, state: shown.state }];
      });
      return [...clusters, ...singles];
    },
    destroy() {
      map.off("zoomend moveend", onView);
      unsubscribe();
      clearInterval(recheck);
      clearTimeout(later);
      cancelAnimationFrame(frame);
      for (const id of onMap) guards.get(id)?.marker?.remove();
      for (const marker of pool) marker.remove();
    },
  };
}

// A cluster of guards on the map's canvas: a circle sized by its count, filled
// and ringed in its worst member's state colour, with the count written in
// the middle. It is a CircleMarker, so it shares the one canvas renderer with
// the guards and alerts and gets Leaflet's hover and click hit-testing.
import L from "leaflet";
import { STATE_COLOURS, type GuardState } from "./guard-state";

// Leaflet's canvas renderer draws each path through these members; they are
// not in @types/leaflet.
type CanvasInternals = { _ctx: CanvasRenderingContext2D; _drawing: boolean };
type PathInternals = { _point: L.Point; _renderer: CanvasInternals; _empty: () => boolean };

function clusterRadius(count: number): number {
  return Math.min(12 + Math.log10(count) * 7, 30);
}

export function clusterStyle(state: GuardState, count: number): L.CircleMarkerOptions {
  const colour = STATE_COLOURS[state];
  return { radius: clusterRadius(count), color: colour, weight: 3, fillColor: colour, fillOpacity: 0.35 };
}

export class ClusterMarker extends L.CircleMarker {
  count = 0;
  clusterId = 0;
  state: GuardState = "ok";

  show(count: number, clusterId: number, state: GuardState): void {
    if (count !== this.count || state !== this.state) this.setStyle(clusterStyle(state, count));
    this.count = count;
    this.clusterId = clusterId;
    this.state = state;
  }

  _updatePath(): void {
    const self = this as unknown as PathInternals;
    const renderer = self._renderer;
    // Leaflet calls this while drawing the canvas; outside a draw there is nothing to do.
    if (!renderer._drawing || self._empty()) return;
    (L.CircleMarker.prototype as unknown as { _updatePath: () => void })._updatePath.call(this);
    const ctx = renderer._ctx;
    const label = this.count >= 10_000 ? `${Math.round(this.count / 1000)}k` : String(this.count);
    ctx.globalAlpha = 1;
    ctx.fillStyle = "#ffffff";
    ctx.font = `600 ${this.count >= 1000 ? 11 : 12}px system-ui, sans-serif`;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.fillText(label, self._point.x, self._point.y + 0.5);
  }
}

// Small formatting helpers shared by the report sections.
import type { ReportName } from "@/server/contracts/reports";

export type Range = { from: string; to: string };

export function reportUrl(name: ReportName, { from, to }: Range, format: "json" | "csv" = "json"): string {
  const query = new URLSearchParams({ from, to, ...(format === "csv" ? { format } : {}) });
  return `/api/v1/reports/${name}?${query}`;
}

/** 42 s, 3 min 20 s, 2 h 5 min; an en dash for none. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return "–";
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ""}`;
  const minutes = Math.round((s % 3600) / 60);
  return `${Math.floor(s / 3600)} h${minutes ? ` ${minutes} min` : ""}`;
}

export function formatPercent(fraction: number | null): string {
  return fraction === null ? "–" : `${Math.round(fraction * 1000) / 10}%`;
}

/** Distinguishable on the dark panels; sites beyond the list reuse it. */
export const SERIES_COLOURS = ["#4ea1ff", "#f5b942", "#3ecf8e", "#c084fc", "#ff8a5c", "#5eead4", "#f472b6", "#a3e635"];

export const chartTheme = {
  grid: "#24314f",
  axis: "#8b98b5",
  tooltip: { background: "#17223b", border: "1px solid #24314f", borderRadius: 8, color: "#e6ebf5" },
} as const;

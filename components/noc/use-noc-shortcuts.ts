"use client";
// Acts on the NOC's keyboard shortcuts (noc-shortcuts.ts) while no field has
// the focus: acknowledge, move through the queue, show on the map, open the
// alert, mute, search a guard, and the `?` list.
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { AlertDetailDto } from "@/server/contracts/alert-api";
import { apiRequest } from "../ui/api-request";
import { isShortcut, stepSelection } from "./noc-shortcuts";
import type { OpenAlert } from "./open-alerts";
import type { Alarm } from "./use-alarm";

type Options = {
  alerts: OpenAlert[];
  selectedId: string | null;
  select: (id: string | null) => void;
  canAct: boolean;
  alarm: Alarm;
  apply: (alerts: OpenAlert[]) => void;
  showOnMap: (alert: OpenAlert) => void;
  toggleHelp: () => void;
  closeHelp: () => void;
  focusSearch: () => void;
  /** What the last shortcut did, or why it did nothing, for the screen and screen readers. */
  announce: (text: string) => void;
};

async function acknowledge(alert: OpenAlert, { apply, announce }: Options): Promise<void> {
  const result = await apiRequest<AlertDetailDto>(`/api/v1/alerts/${alert.id}/acknowledge`, { method: "POST" });
  if (!result.ok) return announce(result.message);
  const { events: _events, deliveries: _deliveries, ...summary } = result.data;
  apply([summary]);
  announce(`Acknowledged ${alert.type} from ${alert.sourceName || alert.sourceExternalId}.`);
}

export function useNocShortcuts(options: Options): void {
  const router = useRouter();
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const o = latest.current;
      if (event.key === "Escape") return o.closeHelp();
      if (!isShortcut(event)) return;
      const selected = o.alerts.find((a) => a.id === o.selectedId) ?? null;
      const ids = o.alerts.map((a) => a.id);
      switch (event.key) {
        case "a": {
          if (!o.canAct) return o.announce("Your role cannot acknowledge alerts.");
          const target = selected?.status === "NEW" ? selected : o.alerts.find((a) => a.status === "NEW");
          if (!target) return o.announce("No alert waits for an acknowledgement.");
          void acknowledge(target, o);
          break;
        }
        case "j":
        case "k":
          o.select(stepSelection(ids, o.selectedId, event.key === "j" ? 1 : -1));
          break;
        case "m": {
          const target = selected ?? o.alerts[0];
          if (!target) return o.announce("No open alert to show.");
          if (target.lat === null || target.lon === null) return o.announce("This alert has no location.");
          o.showOnMap(target);
          break;
        }
        case "o":
          if (selected) router.push(`/alerts/${selected.id}`);
          else o.announce("Select an alert first (j / k).");
          break;
        case "s":
          o.alarm.setMuted(!o.alarm.muted);
          o.announce(o.alarm.muted ? "Alarm sound on." : "Alarm muted for 10 minutes.");
          break;
        case "/":
          o.focusSearch();
          break;
        case "?":
          o.toggleHelp();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router]);
}

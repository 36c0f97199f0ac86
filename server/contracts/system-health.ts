// The newest health report per metric of a gateway or site controller
// (system/{component}/{metric}), as the device page and API show it.
export type SystemComponentDto = {
  metric: string;
  status: string | null;
  value: number | string | null;
  recordedAt: string;
};

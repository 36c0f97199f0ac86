// The newest health report per metric of a gateway or site controller
// (system/{component}/{metric}), as the device page and API show it.
import { z } from "zod";
import { isoTime } from "./iso-time";

export const systemComponentDto = z.object({
  metric: z.string(),
  status: z.string().nullable(),
  value: z.union([z.number(), z.string()]).nullable(),
  recordedAt: isoTime,
});
export type SystemComponentDto = z.infer<typeof systemComponentDto>;

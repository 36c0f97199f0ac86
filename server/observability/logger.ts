// Structured JSON logging (pino): a fixed message plus ids, one child logger
// per component. Never log secrets or whole payloads at info level; tokens
// are censored even when one slips in (log-redaction.ts).
import { pino, type Logger } from "pino";
import { globalSingleton } from "../lib/global-singleton";
import { redactionOptions } from "./log-redaction";

export type { Logger };

export const rootLogger: Logger = globalSingleton("logger", () =>
  pino({
    level: "info", // set from LOG_LEVEL by server/main.ts
    base: { service: "vigil" },
    ...redactionOptions,
  }),
);

export function componentLogger(component: string): Logger {
  return rootLogger.child({ component });
}

// Structured JSON logging (pino): a fixed message plus ids, one child logger
// per component. Never log secrets or whole payloads at info level.
import { pino, type Logger } from "pino";
import { globalSingleton } from "../lib/global-singleton";

export type { Logger };

export const rootLogger: Logger = globalSingleton("logger", () =>
  pino({
    level: "info", // set from LOG_LEVEL by server/main.ts
    base: { service: "vigil" },
    redact: ["password", "token", "secret", "*.password", "*.token", "*.secret"],
  }),
);

export function componentLogger(component: string): Logger {
  return rootLogger.child({ component });
}

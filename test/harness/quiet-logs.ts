// Integration setup file: Vigil logs at warn in tests (set VIGIL_TEST_LOG_LEVEL=debug to see more).
import { rootLogger } from "../../server/observability/logger";

rootLogger.level = process.env.VIGIL_TEST_LOG_LEVEL ?? "warn";

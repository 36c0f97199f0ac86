// A busy machine on purpose: child processes that each keep one core at 100%
// for at most `seconds`, for fault tests whose guarantee must hold under load
// (CI runs other test files beside them). Bounded in time; stop() ends them early.
import { spawn } from "node:child_process";

export function burnCpu({ cores = 1, seconds }: { cores?: number; seconds: number }): { stop: () => void } {
  const children = Array.from({ length: cores }, () =>
    spawn(process.execPath, ["-e", `const end = Date.now() + ${seconds * 1000}; while (Date.now() < end) {}`], {
      stdio: "ignore",
    }),
  );
  return {
    stop: () => {
      for (const child of children) child.kill("SIGKILL");
    },
  };
}

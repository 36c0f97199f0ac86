// `npm run test:e2e`: the specs that mostly wait (Playwright project
// "ui-long": a NOC offline for 90 s, a patrol window closing) run in a second
// Playwright process, with a Vigil of its own, beside the others ("ui"), so
// their minutes of waiting do not add to the run. The second process's report
// is printed when it ends. Arguments (a spec file, --grep) run one plain
// `playwright test` with them instead.
import { Buffer } from "node:buffer";
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const playwright = path.join(root, "node_modules/.bin/playwright");
const args = process.argv.slice(2);

function run(runArgs, { buffered }) {
  return new Promise((resolve) => {
    const child = spawn(playwright, ["test", ...runArgs], {
      cwd: root,
      stdio: buffered ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    const output = [];
    if (buffered) for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk) => output.push(chunk));
    // No exit code: killed by a signal, a failure.
    child.on("close", (code) => resolve({ code: code ?? 1, output: Buffer.concat(output) }));
  });
}

if (args.length > 0) {
  process.exit((await run(args, { buffered: false })).code);
}

const long = run(["--project=ui-long"], { buffered: true });
const rest = await run(["--project=ui"], { buffered: false });
const { code, output } = await long;
process.stdout.write(`\n--- Playwright project "ui-long" (ran beside "ui") ---\n`);
process.stdout.write(output);
process.exit(rest.code !== 0 ? rest.code : code);

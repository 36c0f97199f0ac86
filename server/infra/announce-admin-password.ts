// The first admin's generated password reaches the person installing Vigil,
// once. On a terminal it is printed; under systemd (INVOCATION_ID set) or
// with stdout piped, stdout ends up in the journal or a log file that others
// read for years, so the password goes to an owner-only file in the data
// folder instead and only that file's path is printed.
import { writeFileSync } from "node:fs";
import path from "node:path";

export const ADMIN_PASSWORD_FILE = "initial-admin-password";

export function announceAdminPassword({
  email,
  password,
  dataDir,
  interactive,
  print,
}: {
  email: string;
  password: string;
  dataDir: string;
  /** stdout is a terminal and not a systemd service. */
  interactive: boolean;
  print: (text: string) => void;
}): void {
  if (interactive) {
    print(`\n  Vigil admin created: ${email} / ${password}\n  (shown once; set ADMIN_PASSWORD to choose it)\n`);
    return;
  }
  const file = path.join(dataDir, ADMIN_PASSWORD_FILE);
  writeFileSync(file, `${email}\n${password}\n`, { mode: 0o600 });
  print(
    `\n  Vigil admin created: ${email}; its password is in ${file} (owner-only; delete the file once read, or set ADMIN_PASSWORD to choose it)\n`,
  );
}

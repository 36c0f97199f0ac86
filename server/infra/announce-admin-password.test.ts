import { mkdtempSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ADMIN_PASSWORD_FILE, announceAdminPassword } from "./announce-admin-password";

const password = "Zx8-generated-pw";

describe("announcing the generated admin password", () => {
  it("under systemd or a pipe, the password goes to an owner-only file and only its path is printed", () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "vigil-admin-"));
    const printed: string[] = [];
    announceAdminPassword({
      email: "admin@vigil.test",
      password,
      dataDir,
      interactive: false,
      print: (text) => printed.push(text),
    });
    const file = path.join(dataDir, ADMIN_PASSWORD_FILE);
    expect(printed.join("")).not.toContain(password);
    expect(printed.join("")).toContain(file);
    expect(readFileSync(file, "utf8")).toBe(`admin@vigil.test\n${password}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("on a terminal it is printed once and no file is written", () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "vigil-admin-"));
    const printed: string[] = [];
    announceAdminPassword({
      email: "admin@vigil.test",
      password,
      dataDir,
      interactive: true,
      print: (text) => printed.push(text),
    });
    expect(printed.join("")).toContain(password);
    expect(() => statSync(path.join(dataDir, ADMIN_PASSWORD_FILE))).toThrow();
  });
});

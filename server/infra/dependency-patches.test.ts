import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { dependencyPatchProblems } from "./dependency-patches";

const projectDir = path.resolve(import.meta.dirname, "../..");
const copies: string[] = [];

afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project folder whose node_modules holds a copy of the installed postgres and mqtt (mqtt's manifest only). */
function projectWithCopies(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "vigil-patches-"));
  copies.push(dir);
  writeFileSync(path.join(dir, "package.json"), "{}");
  cpSync(path.join(projectDir, "node_modules/postgres"), path.join(dir, "node_modules/postgres"), { recursive: true });
  cpSync(path.join(projectDir, "node_modules/mqtt"), path.join(dir, "node_modules/mqtt"), { recursive: true });
  return dir;
}

test("the installed dependencies carry every patch Vigil needs", () => {
  expect(dependencyPatchProblems(projectDir)).toEqual([]);
});

test("an unpatched postgres.js is named with the file and how to patch it", () => {
  const dir = projectWithCopies();
  const file = path.join(dir, "node_modules/postgres/src/connection.js");
  writeFileSync(file, readFileSync(file, "utf8").replaceAll("Vigil patch", "upstream"));
  expect(dependencyPatchProblems(dir)).toEqual([
    expect.stringMatching(/^postgres 3\.4\.9: not patched: src \(run npx patch-package\)/),
  ]);
});

test("another version of a patched dependency is refused with both versions", () => {
  const dir = projectWithCopies();
  const manifest = path.join(dir, "node_modules/mqtt/package.json");
  writeFileSync(manifest, readFileSync(manifest, "utf8").replace('"version": "5.16.0"', '"version": "5.17.0"'));
  expect(dependencyPatchProblems(dir)).toEqual([
    expect.stringMatching(/^mqtt 5\.17\.0 is installed, Vigil is patched for 5\.16\.0/),
  ]);
});

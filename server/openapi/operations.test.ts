import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, test } from "vitest";
import type { Operation } from "../contracts/operation";
import { buildOpenApiDocument } from "./build-document";
import { operations } from "./operations";

type Success = { content?: Record<string, { schema?: unknown }> };

const API_DIR = path.resolve(import.meta.dirname, "../../app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** "GET /api/v1/alerts/{id}" for every handler exported by a route.ts under app/api/v1. */
function routesOnDisk(): string[] {
  const found: string[] = [];
  for (const file of readdirSync(API_DIR, { recursive: true, encoding: "utf8" })) {
    if (path.basename(file) !== "route.ts") continue;
    const source = readFileSync(path.join(API_DIR, file), "utf8");
    const dir = path.dirname(file).split(path.sep).join("/");
    const url = `/api/v1/${dir}`.replace(/\[([^\]]+)\]/g, "{$1}");
    for (const method of METHODS) {
      const exported = new RegExp(`export\\s+(const|(async\\s+)?function)\\s+${method}\\b`);
      if (exported.test(source)) found.push(`${method} ${url}`);
    }
  }
  return found.sort();
}

/** The operation each exported handler is built from: `export const GET = apiRoute(op.listAlerts, ...)`. */
async function builtFrom(source: string, method: string): Promise<Operation | undefined> {
  const area = /import \* as op from "@\/server\/contracts\/operations\/([\w-]+)";/.exec(source)?.[1];
  const name = new RegExp(`export const ${method} = (?:public)?[aA]piRoute\\(\\s*op\\.(\\w+)`).exec(source)?.[1];
  if (!area || !name) return undefined;
  const operations = (await import(`../contracts/operations/${area}.ts`)) as Record<string, Operation>;
  return operations[name];
}

describe("the OpenAPI document", () => {
  test("every route handler is built from the operation of its own path and method", async () => {
    const wrong: string[] = [];
    for (const route of routesOnDisk()) {
      const [method, url] = route.split(" ") as [string, string];
      if (url === "/api/v1/openapi.json") continue; // the document itself, served as a plain handler
      const file = path.join(API_DIR, url.replace("/api/v1/", "").replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
      const operation = await builtFrom(readFileSync(file, "utf8"), method);
      if (operation?.method.toUpperCase() !== method || operation.path !== url) wrong.push(route);
    }
    expect(wrong).toEqual([]);
  });

  test("documents every route handler under app/api/v1, and nothing that is not there", () => {
    const documented = operations.map((op) => `${op.method.toUpperCase()} ${op.path}`).sort();
    expect(routesOnDisk().length).toBeGreaterThan(20);
    expect(documented).toEqual(routesOnDisk());
  });

  test("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(buildOpenApiDocument());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test("every path parameter in a URL has a schema, and the document builds", () => {
    const document = buildOpenApiDocument();
    for (const [url, methods] of Object.entries(document.paths)) {
      const names = [...url.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(methods) as { parameters: { name: string; in: string }[] }[]) {
        expect(op.parameters.filter((p) => p.in === "path").map((p) => p.name)).toEqual(names);
      }
    }
  });

  test("every operation documents its success answer: a JSON schema, or 204 and no body", () => {
    for (const [url, methods] of Object.entries(buildOpenApiDocument().paths)) {
      for (const [method, op] of Object.entries(methods) as [string, { responses: Record<string, Success> }][]) {
        const [status, success] = Object.entries(op.responses).find(([code]) => code.startsWith("2"))!;
        const where = `${method.toUpperCase()} ${url} ${status}`;
        if (status === "204") expect(success.content, where).toBeUndefined();
        else expect(success.content?.["application/json"]?.schema, where).toBeTypeOf("object");
      }
    }
  });

  test("the paged lists document their cursor, in and out", () => {
    const document = buildOpenApiDocument();
    for (const url of ["/api/v1/contacts", "/api/v1/devices", "/api/v1/escalation-policies", "/api/v1/users"]) {
      const op = document.paths[url]!.get as { parameters: { name: string }[]; responses: Record<string, Success> };
      expect(op.parameters.map((p) => p.name)).toEqual(["limit", "cursor"]);
      const schema = op.responses["200"]!.content!["application/json"]!.schema as { required: string[] };
      expect(schema.required).toEqual(["items", "nextCursor"]);
    }
  });

  test("the reports' query and answer come from their zod schemas", () => {
    const op = buildOpenApiDocument().paths["/api/v1/reports/geofence-violations"]!.get as {
      parameters: { name: string; required: boolean }[];
      responses: Record<string, { content?: Record<string, unknown> }>;
    };
    expect(op.parameters.map((p) => [p.name, p.required])).toEqual([
      ["from", true],
      ["to", true],
      ["format", false],
      ["siteId", false],
      ["guardId", false],
    ]);
    expect(Object.keys(op.responses["200"]!.content!)).toEqual(["application/json", "text/csv"]);
    expect(Object.keys(op.responses).sort()).toEqual(["200", "401", "403", "422"]);
  });
});

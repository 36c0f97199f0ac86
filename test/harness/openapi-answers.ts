// Checks a real answer of /api/v1 against the OpenAPI document: the operation
// exists, it documents the answer's status, and the body matches the JSON
// Schema documented for that status (the success schema, CSV, no body for
// 204, or the Error schema). The document's answer schemas forbid unknown
// properties, so a field the document does not name is a mismatch too.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { ApiResponse } from "./api-client";

type Content = Record<string, { schema?: Record<string, unknown> }>;
type DocumentedAnswer = { description: string; content?: Content };
type DocumentedOperation = { responses: Record<string, DocumentedAnswer> };
export type OpenApiDocument = {
  paths: Record<string, Record<string, DocumentedOperation>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};

/** The document's path template a request path falls under ("/api/v1/alerts/{id}"); the one with the fewest parameters. */
function templateOf(document: OpenApiDocument, path: string): string | undefined {
  const bare = path.split("?")[0]!;
  const matches = Object.keys(document.paths).filter((template) =>
    new RegExp(`^${template.replace(/\{\w+\}/g, "[^/]+")}$`).test(bare),
  );
  return matches.sort((x, y) => x.split("{").length - y.split("{").length)[0];
}

export function openApiAnswerChecker(document: OpenApiDocument) {
  // Zod's patterns are written for JavaScript's RegExp without the u flag.
  const ajv = new Ajv2020({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  const compiled = new Map<string, ValidateFunction>();
  const validator = (key: string, schema: Record<string, unknown>) => {
    const resolved = schema.$ref === "#/components/schemas/Error" ? document.components.schemas.Error! : schema;
    if (!compiled.has(key)) compiled.set(key, ajv.compile(resolved));
    return compiled.get(key)!;
  };

  return {
    /** "GET /api/v1/alerts/{id}": the operation a request reached. */
    operationOf(method: string, path: string): string | undefined {
      const template = templateOf(document, path);
      return template && document.paths[template]![method.toLowerCase()] ? `${method} ${template}` : undefined;
    },

    /** What is wrong with the answer, by the document; empty when nothing is. */
    problems(method: string, path: string, { status, body, headers }: ApiResponse): string[] {
      const template = templateOf(document, path);
      const operation = template ? document.paths[template]![method.toLowerCase()] : undefined;
      if (!template || !operation) return [`${method} ${path}: no such operation in the document`];
      const where = `${method} ${template} ${status}`;
      const answer = operation.responses[String(status)];
      if (!answer) return [`${where}: status not documented (${Object.keys(operation.responses).join(", ")})`];
      if (status === 204) return body === null ? [] : [`${where}: a body on 204`];
      const type = headers.get("content-type") ?? "";
      if (type.startsWith("text/csv")) return answer.content?.["text/csv"] ? [] : [`${where}: CSV not documented`];
      const schema = answer.content?.["application/json"]?.schema;
      if (!type.startsWith("application/json") || !schema) return [`${where}: ${type || "no content type"} answer`];
      const validate = validator(where, schema);
      if (validate(body)) return [];
      const errors = (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`).slice(0, 5);
      return [`${where}: ${errors.join("; ")}: ${JSON.stringify(body).slice(0, 300)}`];
    },
  };
}

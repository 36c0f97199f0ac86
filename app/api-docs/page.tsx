// /api-docs - the OpenAPI document of /api/v1 as a readable page: every
// operation with who may call it, its parameters, body and answers (the JSON
// Schemas folded under each). Server-rendered from the same document as
// /api/v1/openapi.json; open to anyone signed in.
import type { Metadata } from "next";
import { requirePageActor } from "@/server/auth/page-auth";
import { buildOpenApiDocument } from "@/server/openapi/build-document";
import { ConsoleFrame } from "../console-frame";
import "../styles/api-docs.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API" };

type Parameter = { name: string; in: string; required: boolean; description?: string; schema: unknown };
type Op = {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters: Parameter[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: unknown }> }>;
};

/** The document's descriptions use `code` spans (Markdown); shown as <code> here. */
function Prose({ text }: { text: string }) {
  return text.split("`").map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part));
}

function Schema({ label, schema }: { label: string; schema: unknown }) {
  return (
    <details className="api-schema">
      <summary>{label}</summary>
      <pre>{JSON.stringify(schema, null, 2)}</pre>
    </details>
  );
}

function Operation({ method, path, op }: { method: string; path: string; op: Op }) {
  const body = op.requestBody?.content["application/json"]?.schema;
  return (
    <article className="api-op" id={op.operationId}>
      <h3>
        <span className={`api-method api-${method}`}>{method.toUpperCase()}</span> <code>{path}</code>
      </h3>
      <p>{op.summary}</p>
      <p className="muted">{op.description}</p>
      {op.parameters.length > 0 ? (
        <ul className="api-params">
          {op.parameters.map((p) => (
            <li key={`${p.in}-${p.name}`}>
              <code>{p.name}</code>{" "}
              <span className="muted">
                ({p.in}
                {p.required ? ", required" : ""})
              </span>
              {p.description ? ` ${p.description}` : null}
            </li>
          ))}
        </ul>
      ) : null}
      {op.parameters.length > 0 ? (
        <Schema label="Parameter schemas" schema={Object.fromEntries(op.parameters.map((p) => [p.name, p.schema]))} />
      ) : null}
      {body ? <Schema label="Request body (application/json)" schema={body} /> : null}
      <ul className="api-responses">
        {Object.entries(op.responses).map(([status, r]) => (
          <li key={status}>
            <strong>{status}</strong> <Prose text={r.description} />
            {Object.entries(r.content ?? {}).map(([type, c]) =>
              c.schema && Number(status) < 400 ? <Schema key={type} label={type} schema={c.schema} /> : null,
            )}
          </li>
        ))}
      </ul>
    </article>
  );
}

export default async function ApiDocsPage() {
  const actor = await requirePageActor();
  const document = buildOpenApiDocument();
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op: op as Op })),
  );
  const tags = [...new Set(operations.map((o) => o.op.tags[0] ?? "Other"))];
  return (
    <ConsoleFrame actor={actor}>
      <main className="page api-docs">
        <div className="page-header">
          <h1>API</h1>
          <span className="muted">
            {document.info.title} · OpenAPI {document.openapi} · <a href="/api/v1/openapi.json">openapi.json</a>
          </span>
        </div>
        <p className="page-sub muted">
          <Prose text={document.info.description} />
        </p>
        {tags.map((tag) => (
          <section key={tag} className="panel api-tag">
            <h2>{tag}</h2>
            {operations
              .filter((o) => (o.op.tags[0] ?? "Other") === tag)
              .map((o) => (
                <Operation key={`${o.method} ${o.path}`} {...o} />
              ))}
          </section>
        ))}
      </main>
    </ConsoleFrame>
  );
}

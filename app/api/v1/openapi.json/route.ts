// GET /api/v1/openapi.json - the OpenAPI 3.1 document of /api/v1. Public: it describes the API's shape only
// (no tenant data), and clients and tools need it before they have a token.
import { json } from "@/server/http/api-route";
import { buildOpenApiDocument } from "@/server/openapi/build-document";

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export function GET(): Response {
  document ??= buildOpenApiDocument();
  return json(document, 200, { "cache-control": "public, max-age=300" });
}

// GET /api/openapi.json – the OpenAPI 3.1 document of /api/v1, derived from the operation registry
import { buildOpenApiDocument } from '@/lib/http/openapi';

let cached: string | undefined;

export function GET(): Response {
  // Public like any API reference: it describes the API, never data or configuration.
  cached ??= JSON.stringify(buildOpenApiDocument());
  return new Response(cached, {
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' },
  });
}

// GET /api/v1/openapi.json – the OpenAPI 3.1 description of /api/v1, generated from its schemas.
import { connection } from "next/server";
import { jsonResponse } from "@/lib/api/http";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { readOnly } from "@/lib/api/route";

let cached: Record<string, unknown> | undefined;

export async function GET(request: Request): Promise<Response> {
  await connection();
  cached ??= buildOpenApiDocument();
  return jsonResponse(request, cached, { cacheControl: "public, max-age=3600" });
}
export { readOnly as POST, readOnly as PUT, readOnly as PATCH, readOnly as DELETE };

// Connects the OAI-PMH answers to the /oai route file: the request as the protocol layer reads it,
// the application's database and site URL.
import "server-only";
import { getSql } from "../db";
import { siteUrl } from "../env";
import { answerOaiRequest } from "./respond";

export async function serveOai(request: Request): Promise<Response> {
  const body = request.method === "POST" ? await request.text() : undefined;
  const result = await answerOaiRequest(
    { method: request.method, url: request.url, contentType: request.headers.get("content-type"), body },
    { sql: await getSql(), siteUrl: siteUrl() },
  );
  return new Response(result.body, { status: result.status, headers: result.headers });
}

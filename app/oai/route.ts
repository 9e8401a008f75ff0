// GET and POST /oai – the OAI-PMH 2.0 endpoint for harvesters (Identify, ListRecords, …)
import { connection } from "next/server";
import { getSql } from "@/lib/db";
import { siteUrl } from "@/lib/env";
import { answerOaiRequest } from "@/lib/oai/respond";

async function answer(request: Request): Promise<Response> {
  await connection();
  const body = request.method === "POST" ? await request.text() : undefined;
  const result = await answerOaiRequest(
    { method: request.method, url: request.url, contentType: request.headers.get("content-type"), body },
    { sql: await getSql(), siteUrl: siteUrl() },
  );
  return new Response(result.body, { status: result.status, headers: result.headers });
}

export { answer as GET, answer as POST };

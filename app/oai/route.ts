// GET and POST /oai – the OAI-PMH 2.0 endpoint for harvesters (Identify, ListRecords, …)
import { connection } from "next/server";
import { serveOai } from "@/lib/oai/route";

async function answer(request: Request): Promise<Response> {
  await connection();
  return serveOai(request);
}

export { answer as GET, answer as POST };

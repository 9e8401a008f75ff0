// GET/POST /api/auth/* – Auth.js: sign-in callbacks of the providers, CSRF token, session, sign-out.
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";

/**
 * Next.js gives route handlers a URL built from the address the server listens on (0.0.0.0);
 * Auth.js builds redirect and callback URLs from it. Use the host the browser asked for instead,
 * as the server actions' sign-in does.
 */
async function withRequestedOrigin(request: NextRequest): Promise<NextRequest> {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  // AUTH_URL, when an operator sets it, is Auth.js's own way to fix the origin.
  if (!host || process.env.AUTH_URL) return request;
  const proto = (request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "")).split(",")[0].trim();
  const url = new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, `${proto}://${host}`);
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  // A plain Request: NextRequest would turn 127.0.0.1 into "localhost", another origin for cookies.
  return new Request(url, { method: request.method, headers: request.headers, body }) as NextRequest;
}

export async function GET(request: NextRequest) {
  return handlers.GET(await withRequestedOrigin(request));
}

export async function POST(request: NextRequest) {
  return handlers.POST(await withRequestedOrigin(request));
}

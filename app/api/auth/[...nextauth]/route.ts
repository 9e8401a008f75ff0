// GET/POST /api/auth/* – Auth.js: sign-in callbacks of the providers, CSRF token, session, sign-out.
import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";

/**
 * Next.js gives route handlers a URL built from the address the server listens on (0.0.0.0);
 * Auth.js builds redirect and callback URLs from it. Use the host the browser asked for instead,
 * as the server actions' sign-in does.
 */
async function withRequestedOrigin(request: NextRequest): Promise<NextRequest> {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host) return request;
  const proto = (request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "")).split(",")[0].trim();
  const url = new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, `${proto}://${host}`);
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  return new NextRequest(url, { method: request.method, headers: request.headers, body });
}

export async function GET(request: NextRequest) {
  return handlers.GET(await withRequestedOrigin(request));
}

export async function POST(request: NextRequest) {
  return handlers.POST(await withRequestedOrigin(request));
}

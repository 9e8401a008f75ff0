// JSON errors for /api/* as RFC 9457 problem details.
export function problem(status: number, title: string, detail?: string, init: ResponseInit = {}): Response {
  return Response.json(
    { type: "about:blank", title, status, ...(detail ? { detail } : {}) },
    { ...init, status, headers: { "Content-Type": "application/problem+json", ...init.headers } },
  );
}

// JSON errors for /api/* as RFC 9457 problem details.
import type { z } from "zod";

export type ProblemField = { name: string; reason: string };

export function problem(
  status: number,
  title: string,
  detail?: string,
  init: ResponseInit = {},
  extra: Record<string, unknown> = {},
): Response {
  return Response.json(
    { type: "about:blank", title, status, ...(detail ? { detail } : {}), ...extra },
    { ...init, status, headers: { "Content-Type": "application/problem+json", ...init.headers } },
  );
}

/** 400 naming every parameter that did not validate ("errors": [{ name, reason }]). */
export function validationProblem(error: z.ZodError, init: ResponseInit = {}): Response {
  const errors: ProblemField[] = error.issues.map((issue) => ({
    name: issue.path.map(String).join(".") || "(request)",
    reason: issue.message,
  }));
  const detail = `Invalid ${errors.length === 1 ? "parameter" : "parameters"}: ${errors.map((e) => e.name).join(", ")}.`;
  return problem(400, "Bad Request", detail, init, { errors });
}

export function methodNotAllowed(allow: string[]): Response {
  return problem(405, "Method Not Allowed", `This endpoint answers ${allow.join(", ")}.`, {
    headers: { Allow: allow.join(", ") },
  });
}

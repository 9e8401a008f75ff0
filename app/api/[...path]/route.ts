// Any /api/* path without a route of its own: a JSON 404, never an HTML page.
import { problem } from "@/lib/api/problem";

function notFound(request: Request) {
  return problem(404, "Not Found", `There is no API endpoint at ${new URL(request.url).pathname}.`);
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };

// GET/POST /api/auth/* – Auth.js: sign-in callbacks of the providers, CSRF token, session, sign-out.
import { handlers } from "@/lib/auth/config";

export const { GET, POST } = handlers;

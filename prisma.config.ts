// Prisma CLI configuration. The application itself never reads this file: lib/db.ts chooses
// the driver adapter (server PostgreSQL or embedded PGlite) at run time.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/atrium" },
});

// Builds a Prisma client on a database opened by ./connection.
import { PrismaClient } from "../generated/prisma/client";
import type { Database } from "./connection";

export type Prisma = PrismaClient;

export function createPrismaClient(db: Pick<Database, "adapter">): PrismaClient {
  return new PrismaClient({ adapter: db.adapter });
}

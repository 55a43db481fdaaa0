// One Prisma client per process, on the pg driver adapter (no native engine).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { getEnv } from "./env.server";

export type Db = PrismaClient;

let client: PrismaClient | undefined;

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}

export function getDb(): PrismaClient {
  client ??= createPrismaClient(getEnv().DATABASE_URL);
  return client;
}

export async function disconnectDb(): Promise<void> {
  if (client) {
    const c = client;
    client = undefined;
    await c.$disconnect();
  }
}

// Prisma CLI configuration. The CLI is only used for `prisma generate`; migrations
// run through prisma/tools/migrate.ts (WebAssembly schema engine, see STACK notes
// in docs/decisions/001-prisma-wasm-migrations.md).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/jobbro",
  },
});

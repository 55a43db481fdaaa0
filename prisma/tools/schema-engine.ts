// Prisma's schema engine compiled to WebAssembly, driven through the pg driver
// adapter. The native engine cannot be downloaded here; this is the same engine
// that `prisma migrate deploy` runs, so the migrations table and the SQL stay
// standard. The .wasm is loaded by hand so that Node needs no experimental flag.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine as SchemaEngineInstance } from "@prisma/schema-engine-wasm";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

type SchemaEngineClass = typeof SchemaEngineInstance;
export type SchemaEngine = SchemaEngineInstance;

let loaded: Promise<SchemaEngineClass> | undefined;

function loadEngineClass(): Promise<SchemaEngineClass> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    // The package exports no ./package.json; resolve its entry and look beside it.
    const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bytes = await readFile(path.join(pkgDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports });
    const exports = instance.exports as Record<string, unknown> & { __wbindgen_start?: () => void };
    (bindings as unknown as { __wbg_set_wasm(w: unknown): void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start?.();
    return (bindings as unknown as { SchemaEngine: SchemaEngineClass }).SchemaEngine;
  })();
  return loaded;
}

export async function openSchemaEngine(databaseUrl: string, schemaFiles: [string, string][]): Promise<SchemaEngine> {
  const SchemaEngine = await loadEngineClass();
  const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
  const log = (message: string) => {
    if (process.env.PRISMA_ENGINE_LOG) process.stderr.write(`${message}\n`);
  };
  return SchemaEngine.new({ datamodels: schemaFiles }, log, factory);
}

export const noFilters = { externalTables: [], externalEnums: [] };

import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// ── Architecture rules (docs/decisions/025-code-layout.md) ──────────────────
// Layers, each importing only the ones below it:
//   routes, components, workers, app/server, app/cli   (entry points)
//   app/portals   one folder per portal: what a page or the API needs
//   search        Meilisearch indexes, queries and the matching engine
//   app/modules   the domain: vacancies, candidates, matching rules…
//   app/lib       shared infrastructure: errors, fields, db, queues, logging
// ("~/" is app/; relative imports are matched by the folder names they pass.)
const UP_FROM_LIB = ["~/modules/*", "~/portals/*", "~/routes/*", "~/components/*", "**/search/**", "**/workers/**"];
const UP_FROM_MODULES = ["~/portals/*", "~/routes/*", "~/components/*", "**/search/**", "**/workers/**"];
const UP_FROM_SEARCH = ["~/portals/*", "~/routes/*", "~/components/*", "**/workers/**"];
const UP_FROM_PORTALS = ["~/routes/*", "~/components/*", "**/workers/**"];
const layer = (patterns, why) => patterns.map((group) => ({ group: [group], message: why }));

// ── One data-access rule ─────────────────────────────────────────────────────
// Only repositories (`*.repository.server.ts`, `repository.server.ts`) run
// queries. Everything else may import the client's *types* (a service takes a
// `Db` or a transaction and hands it on), never the client itself. Entry points
// that create the client (the server, workers' runtime, CLIs, importers, tests)
// are exempt, as are the files that define it.
const DB_CLIENT = [
  { name: "~/lib/db.server", message: "Only repositories use the database client; import `type Db` and call a repository.", allowTypeImports: true },
];
const DB_CLIENT_PATTERNS = [
  { group: ["**/lib/db.server"], message: "Only repositories use the database client.", allowTypeImports: true },
  { group: ["**/generated/prisma/client"], message: "Only repositories use the Prisma client; enums come from ~/generated/prisma/enums.", allowTypeImports: true },
];
const PRISMA_OPERATIONS =
  "findMany|findFirst|findFirstOrThrow|findUnique|findUniqueOrThrow|create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany|count|aggregate|groupBy";
const QUERY_OUTSIDE_REPOSITORY = [
  {
    selector: `CallExpression[callee.type='MemberExpression'][callee.property.name=/^(${PRISMA_OPERATIONS})$/][callee.object.type='MemberExpression'][callee.object.object.name=/^(db|tx|prisma|client|trx)$/]`,
    message: "Queries live in a repository (*.repository.server.ts); call one from here.",
  },
  {
    // The same through a property: ctx.db.vacancy.findMany(…), deps.tx.match.create(…).
    selector: `CallExpression[callee.type='MemberExpression'][callee.property.name=/^(${PRISMA_OPERATIONS})$/][callee.object.type='MemberExpression'][callee.object.object.type='MemberExpression'][callee.object.object.property.name=/^(db|tx|prisma|client|trx)$/]`,
    message: "Queries live in a repository (*.repository.server.ts); call one from here.",
  },
  {
    selector: "MemberExpression[property.name=/^\\$(queryRaw|executeRaw|queryRawUnsafe|executeRawUnsafe)$/]",
    message: "Raw SQL lives in a repository (*.repository.server.ts).",
  },
];
const REPOSITORIES = ["**/*repository.server.ts"];
const CLIENT_OWNERS = [
  ...REPOSITORIES,
  "app/lib/db.server.ts",
  "app/server/**",
  "app/cli/**",
  "workers/main.ts",
  "workers/runtime.ts",
  "search/cli.ts",
  "prisma/**",
  "tests/**",
];

/**
 * The import rules of one layer: its files keep the database-client rule and
 * add the layer's forbidden directions; its repositories (which may use the
 * client) keep the directions only.
 */
function layerRules(files, upward, why) {
  const directions = layer(upward, why);
  return [
    { files, ignores: CLIENT_OWNERS, rules: { "@typescript-eslint/no-restricted-imports": ["error", { paths: DB_CLIENT, patterns: [...DB_CLIENT_PATTERNS, ...directions] }] } },
    { files: files.map((glob) => glob.replace(/\*\*(\/\*\.tsx)?$/, "**/*repository.server.ts")), rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: directions }] } },
  ];
}

export default tseslint.config(
  { ignores: ["node_modules/", "build/", "public/build/", "app/generated/", ".data/", ".cache/", "test-results/", "playwright-report/", "tests/artifacts/", "**/*.mjs", "*.config.js", "remix.config.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-floating-promises": "error",
      // Remix forms and event handlers take async functions by design; what must
      // not happen is a promise where a boolean is tested.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "no-console": "off",
      "@typescript-eslint/no-restricted-imports": ["error", { paths: DB_CLIENT, patterns: DB_CLIENT_PATTERNS }],
      "no-restricted-syntax": ["error", ...QUERY_OUTSIDE_REPOSITORY],
    },
  },
  { files: CLIENT_OWNERS, rules: { "@typescript-eslint/no-restricted-imports": "off", "no-restricted-syntax": "off" } },
  ...layerRules(["app/lib/**"], UP_FROM_LIB, "app/lib is shared infrastructure: it imports no domain, portal, search or worker code."),
  ...layerRules(["app/modules/**"], UP_FROM_MODULES, "Domain modules import only app/lib and other modules (search/ depends on the domain, not the other way round)."),
  ...layerRules(["search/**"], UP_FROM_SEARCH, "search/ imports the domain and app/lib, never portals, pages or workers."),
  ...layerRules(["app/portals/**"], UP_FROM_PORTALS, "Portals serve routes; they import no routes, components or workers."),
  // search/ lies outside app/, where Remix's `.server` convention does not keep
  // a module out of the browser bundle: a page reaches it through app/portals.
  ...layerRules(["app/routes/**/*.tsx"], ["**/search/**"], "Pages reach search/ through an app/portals/*.server.ts module (search/ is outside app/, so Remix cannot keep it out of the browser bundle)."),
  ...layerRules(["app/components/**"], ["~/routes/*", "**/workers/**", "**/search/**"], "Components render; they import no routes, search or workers."),
);

// Runs the Danish search evaluation (search-cases.ts) through the same search
// the pickers use (search/queries/taxonomy.ts), against a database holding the
// whole taxonomy and freshly built skill and occupation indexes. Shared by
// `npm run eval:search` and the integration test.
import type { Meilisearch } from "meilisearch";
import type { Db } from "~/lib/db.server";
import { importTaxonomy } from "../../prisma/taxonomy/import";
import { occupationsIndex } from "../../search/indexes/occupations";
import { skillsIndex } from "../../search/indexes/skills";
import { searchTaxonomy } from "../../search/queries/taxonomy";
import { reindexIndex } from "../../search/reindex";
import { setupIndexes } from "../../search/setup";
import type { SearchCase } from "./search-cases";

export const TOP = 3;
export const TARGET_ACCURACY = 0.9;

export interface SearchCaseResult {
  case: SearchCase;
  ok: boolean;
  /** 1-based rank of the first expected concept among the suggestions, or null. */
  rank: number | null;
  top: string[];
  /** Expected labels that are not in the taxonomy at all (a broken case, reported as a failure). */
  unknown: string[];
}

export async function prepareSearchEval(db: Db, admin: Meilisearch, dataDir: string): Promise<void> {
  await importTaxonomy(db, { dataDir });
  await setupIndexes(admin, [skillsIndex, occupationsIndex]);
  await reindexIndex(skillsIndex, { db, client: admin });
  await reindexIndex(occupationsIndex, { db, client: admin });
}

export async function runSearchCases(cases: readonly SearchCase[], deps: { db: Db; search: () => Promise<Meilisearch> }): Promise<SearchCaseResult[]> {
  const ids = await conceptIds(deps.db, cases);
  const results: SearchCaseResult[] = [];
  for (const c of cases) {
    const expected = typeof c.expect === "string" ? [c.expect] : c.expect;
    const wanted = new Set(expected.flatMap((label) => ids[c.kind].get(label.toLowerCase()) ?? []));
    const unknown = expected.filter((label) => !ids[c.kind].has(label.toLowerCase()));
    const { options } = await searchTaxonomy(deps, c.kind, c.q, "da", 10);
    const index = options.findIndex((o) => wanted.has(o.id));
    const rank = index >= 0 ? index + 1 : null;
    results.push({ case: c, ok: rank !== null && rank <= TOP && unknown.length < expected.length, rank, top: options.slice(0, TOP).map((o) => o.label), unknown });
  }
  return results;
}

async function conceptIds(db: Db, cases: readonly SearchCase[]): Promise<Record<SearchCase["kind"], Map<string, string[]>>> {
  const labels = (kind: SearchCase["kind"]) => [...new Set(cases.filter((c) => c.kind === kind).flatMap((c) => (typeof c.expect === "string" ? [c.expect] : c.expect)))];
  const byLabel = (rows: { id: string; labelEn: string }[]) => {
    const map = new Map<string, string[]>();
    for (const r of rows) map.set(r.labelEn.toLowerCase(), [...(map.get(r.labelEn.toLowerCase()) ?? []), r.id]);
    return map;
  };
  const insensitive = (list: string[]) => ({ OR: list.map((l) => ({ labelEn: { equals: l, mode: "insensitive" as const } })) });
  const [skills, occupations] = await Promise.all([
    db.skill.findMany({ where: insensitive(labels("skills")), select: { id: true, labelEn: true } }),
    db.occupation.findMany({ where: insensitive(labels("occupations")), select: { id: true, labelEn: true } }),
  ]);
  return { skills: byLabel(skills), occupations: byLabel(occupations) };
}

export interface SearchSummary {
  cases: number;
  passed: number;
  accuracy: number;
  commonFailed: string[];
  byForm: Record<string, { cases: number; passed: number }>;
}

export function summariseSearch(results: readonly SearchCaseResult[]): SearchSummary {
  const passed = results.filter((r) => r.ok).length;
  const byForm: SearchSummary["byForm"] = {};
  for (const r of results) {
    const f = (byForm[r.case.form] ??= { cases: 0, passed: 0 });
    f.cases += 1;
    if (r.ok) f.passed += 1;
  }
  return {
    cases: results.length,
    passed,
    accuracy: results.length ? passed / results.length : 0,
    commonFailed: results.filter((r) => r.case.common && !r.ok).map((r) => r.case.q),
    byForm,
  };
}

export function describeResult(r: SearchCaseResult): string {
  const expected = typeof r.case.expect === "string" ? r.case.expect : r.case.expect.join(" | ");
  const where = r.rank === null ? "not in the first 10" : `rank ${r.rank}`;
  const unknown = r.unknown.length ? `  [not in the taxonomy: ${r.unknown.join(", ")}]` : "";
  return `${r.ok ? "✔" : "✘"} ${r.case.kind === "skills" ? "skill" : "title"} "${r.case.q}" → ${expected}: ${where}; top ${TOP}: ${r.top.join(" · ") || "(none)"}${unknown}`;
}

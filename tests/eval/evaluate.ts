// Runs the labelled matching cases against the real stack: PostgreSQL rows,
// Meilisearch indexes (skills resolved by label through the skills index,
// candidates and offerings retrieved by the engine's own queries) and the
// engine's scoring. Used by `npm run eval:matching` and by an integration test.
import type { Meilisearch } from "meilisearch";
import { computeVacancyMatches } from "../../search/matching-engine.server";
import type { Db } from "~/lib/db.server";
import { indexUid } from "../../search/client";
import { indexDefinition } from "../../search/indexes/registry";
import { syncIds } from "../../search/sync";
import type { EvalCase } from "./cases";
import { EVAL_SKILLS, PLACES } from "./taxonomy";

export interface CaseResult {
  name: string;
  pairs: number;
  pairsCorrect: number;
  exclusions: number;
  exclusionsHeld: number;
  problems: string[];
}

const DAY_MS = 86_400_000;
const today = () => {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  return d;
};
const inDays = (n: number) => new Date(today().getTime() + n * DAY_MS);

export async function seedEvalTaxonomy(db: Db, admin: Meilisearch): Promise<void> {
  await db.skill.createMany({
    data: EVAL_SKILLS.map((s) => ({ key: `eval:${s.key}`, labelEn: s.labelEn, labelDa: s.labelDa, altLabelsEn: s.altLabelsEn, altLabelsDa: s.altLabelsDa })),
    skipDuplicates: true,
  });
  const ids = (await db.skill.findMany({ select: { id: true } })).map((s) => s.id);
  await syncIds(indexDefinition("skills"), ids, { db, client: admin });
}

/** Resolves a label in any language through the skills index, as the skill picker does. */
async function resolveSkill(search: Meilisearch, label: string, cache: Map<string, string>): Promise<string> {
  const cached = cache.get(label);
  if (cached) return cached;
  const res = await search.index(indexUid("skills")).search<{ id: string }>(label, { limit: 1 });
  const id = res.hits[0]?.id;
  if (!id) throw new Error(`No skill found for the label "${label}"`);
  cache.set(label, id);
  return id;
}

export async function runCase(c: EvalCase, deps: { db: Db; admin: Meilisearch; search: Meilisearch; labels: Map<string, string> }): Promise<CaseResult> {
  const { db, admin, search, labels } = deps;
  const skill = (label: string) => resolveSkill(search, label, labels);
  const skills = async (list: string[] = []) => Promise.all(list.map(skill));
  const result: CaseResult = { name: c.name, pairs: 0, pairsCorrect: 0, exclusions: 0, exclusionsHeld: 0, problems: [] };

  const [company, jobcentre, institution] = await Promise.all(
    (["COMPANY", "JOBCENTRE", "INSTITUTION"] as const).map((kind) => db.organisation.create({ data: { kind, name: `${kind} for ${c.name}` } })),
  );
  const place = PLACES[c.vacancy.at];
  const required = await skills(c.vacancy.required);
  const nice = await skills(c.vacancy.nice);
  const vacancy = await db.vacancy.create({
    data: {
      organisationId: company.id,
      title: c.name.slice(0, 100),
      postalCode: place.postalCode,
      latitude: place.latitude,
      longitude: place.longitude,
      startDate: inDays(c.vacancy.startsInDays),
      requiresDrivingLicence: c.vacancy.licence ?? false,
      acceptsUpskilling: c.vacancy.acceptsUpskilling ?? true,
      showNearMisses: c.vacancy.showNearMisses ?? true,
      skills: {
        create: [
          ...required.map((skillId) => ({ skillId, requirement: "REQUIRED" as const })),
          ...nice.filter((s) => !required.includes(s)).map((skillId) => ({ skillId, requirement: "NICE_TO_HAVE" as const })),
        ],
      },
    },
  });

  const candidateIdByKey = new Map<string, string>();
  for (const [key, spec] of Object.entries(c.candidates)) {
    const at = PLACES[spec.at];
    const row = await db.candidate.create({
      data: {
        jobcentreId: jobcentre.id,
        pseudonym: `Eval ${key} ${vacancy.id.slice(-6)}`,
        firstName: "Eval",
        lastName: key,
        postalCode: at.postalCode,
        latitude: at.latitude,
        longitude: at.longitude,
        commuteRadiusKm: spec.radius ?? 30,
        availableFrom: inDays(spec.availableInDays ?? 0),
        hasDrivingLicence: spec.licence ?? false,
        status: spec.active === false ? "INACTIVE" : "ACTIVE",
        skills: { create: [...new Set(await skills(spec.skills))].map((skillId) => ({ skillId })) },
        consents: spec.consent === false ? undefined : { create: [{ purpose: "MATCHING", channel: "IN_PERSON" }] },
      },
    });
    candidateIdByKey.set(key, row.id);
  }

  const offeringIdByKey = new Map<string, string>();
  for (const [key, spec] of Object.entries(c.offerings ?? {})) {
    const at = spec.at ? PLACES[spec.at] : null;
    const course = await db.course.create({
      data: {
        institutionId: institution.id,
        title: `Course ${key}`,
        skills: { create: [...new Set(await skills(spec.skills))].map((skillId) => ({ skillId })) },
        offerings: {
          create: [
            {
              startDate: inDays(spec.startsInDays),
              endDate: inDays(spec.endsInDays),
              online: spec.online ?? false,
              postalCode: at?.postalCode ?? null,
              latitude: at?.latitude ?? null,
              longitude: at?.longitude ?? null,
              seats: spec.seats ?? 12,
            },
          ],
        },
      },
      include: { offerings: { select: { id: true } } },
    });
    offeringIdByKey.set(key, course.offerings[0].id);
  }

  const candidateIds = [...candidateIdByKey.values()];
  const offeringIds = [...offeringIdByKey.values()];
  await Promise.all([
    syncIds(indexDefinition("vacancies"), [vacancy.id], { db, client: admin }),
    syncIds(indexDefinition("candidates"), candidateIds, { db, client: admin }),
    syncIds(indexDefinition("offerings"), offeringIds, { db, client: admin }),
  ]);

  try {
    const computed = await computeVacancyMatches(vacancy.id, { db, search });
    const matches = computed?.matches ?? [];
    const keyOf = new Map([...candidateIdByKey].map(([k, id]) => [id, k]));
    const rank = new Map<string, number>();
    matches.forEach((m, i) => {
      const key = keyOf.get(m.candidateId);
      if (key) rank.set(key, i);
    });

    for (const chain of c.expect.order ?? []) {
      for (let i = 0; i < chain.length; i++) {
        if (chain.length === 1) {
          result.pairs += 1;
          if (rank.has(chain[0])) result.pairsCorrect += 1;
          else result.problems.push(`${chain[0]} should be a match but is not`);
        }
        for (let j = i + 1; j < chain.length; j++) {
          result.pairs += 1;
          const a = rank.get(chain[i]);
          const b = rank.get(chain[j]);
          if (a !== undefined && b !== undefined && a < b) result.pairsCorrect += 1;
          else result.problems.push(`${chain[i]} should rank above ${chain[j]} (ranks ${a ?? "none"} vs ${b ?? "none"})`);
        }
      }
    }
    for (const key of c.expect.excluded ?? []) {
      result.exclusions += 1;
      if (!rank.has(key)) result.exclusionsHeld += 1;
      else result.problems.push(`${key} must not appear but is ranked ${rank.get(key)}`);
    }
    for (const [key, expected] of Object.entries(c.expect.upskilling ?? {})) {
      result.exclusions += 1; // an upskilling expectation is a hard rule too
      const match = matches.find((m) => m.candidateId === candidateIdByKey.get(key));
      const got = (match?.explanation.upskilling.map((u) => u.offeringId) ?? []).sort();
      const want = expected.map((k) => offeringIdByKey.get(k)!).sort();
      if (match?.kind === "UPSKILLING" && JSON.stringify(got) === JSON.stringify(want)) result.exclusionsHeld += 1;
      else result.problems.push(`${key} should be an upskilling match via ${expected.join(" + ")} (got ${match ? match.kind : "no match"})`);
    }
    for (const key of c.expect.nearMiss ?? []) {
      result.exclusions += 1; // so is a near miss: shown, in its own band
      const match = matches.find((m) => m.candidateId === candidateIdByKey.get(key));
      if (match?.kind === "NEAR_MISS") result.exclusionsHeld += 1;
      else result.problems.push(`${key} should be a near miss (got ${match ? match.kind : "no match"})`);
    }
  } finally {
    // Remove this case's world so the next case cannot see it.
    await db.vacancy.delete({ where: { id: vacancy.id } });
    await db.candidate.deleteMany({ where: { id: { in: candidateIds } } });
    await db.course.deleteMany({ where: { institutionId: institution.id } });
    await Promise.all([
      syncIds(indexDefinition("vacancies"), [vacancy.id], { db, client: admin }),
      syncIds(indexDefinition("candidates"), candidateIds, { db, client: admin }),
      syncIds(indexDefinition("offerings"), offeringIds, { db, client: admin }),
    ]);
  }
  return result;
}

export function summarise(results: CaseResult[]) {
  const pairs = results.reduce((n, r) => n + r.pairs, 0);
  const pairsCorrect = results.reduce((n, r) => n + r.pairsCorrect, 0);
  const exclusions = results.reduce((n, r) => n + r.exclusions, 0);
  const exclusionsHeld = results.reduce((n, r) => n + r.exclusionsHeld, 0);
  return { cases: results.length, pairs, pairsCorrect, exclusions, exclusionsHeld, accuracy: pairs ? pairsCorrect / pairs : 1 };
}

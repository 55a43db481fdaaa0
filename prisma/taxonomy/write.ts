// Writes a validated taxonomy with set-based SQL inside the caller's
// transaction. Rows are staged into temporary tables (a few large JSON
// parameters instead of 130,000 statements), then merged with
// INSERT … ON CONFLICT … DO UPDATE … WHERE <something differs>, so that an
// unchanged source touches no row and every statement's row count says
// exactly what changed.
import type { Prisma } from "~/generated/prisma/client";
import type { RelatednessInput } from "./relatedness";
import type { TaxonomyData } from "./types";

type Tx = Prisma.TransactionClient;

export interface WriteCounts {
  groupsWritten: number;
  skillsWritten: number;
  occupationsWritten: number;
  relationsWritten: number;
  relationsDeleted: number;
  skillsDeleted: number;
  occupationsDeleted: number;
  /** SkillRelatedness pairs inserted or given a new strength or source, and pairs no longer produced. */
  relatednessWritten: number;
  relatednessDeleted: number;
  /** No longer in the source but kept because vacancies, candidates or courses use them. */
  skillsKept: number;
  occupationsKept: number;
}

const CHUNK = 10_000;

async function stage(tx: Tx, table: string, columns: string, rows: unknown[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.$executeRawUnsafe(
      `INSERT INTO ${table} SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${columns})`,
      JSON.stringify(rows.slice(i, i + CHUNK)),
    );
  }
}

export async function writeTaxonomy(tx: Tx, data: TaxonomyData, relatedness: RelatednessInput[]): Promise<WriteCounts> {
  // One import at a time: a second one waits here instead of interleaving.
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('jobbro-taxonomy-import'))`);

  await tx.$executeRawUnsafe(
    `CREATE TEMP TABLE tax_skill (key text PRIMARY KEY, "escoUri" text, "labelEn" text, "labelDa" text,
       "altLabelsEn" text[], "altLabelsDa" text[], "skillType" text, description text) ON COMMIT DROP`,
  );
  await tx.$executeRawUnsafe(
    `CREATE TEMP TABLE tax_occupation ("escoUri" text PRIMARY KEY, "iscoCode" text, "labelEn" text, "labelDa" text,
       "altLabelsEn" text[], "altLabelsDa" text[], description text) ON COMMIT DROP`,
  );
  await tx.$executeRawUnsafe(
    `CREATE TEMP TABLE tax_relation (o text, s text, r "SkillRelation") ON COMMIT DROP`,
  );

  const groupsWritten = await tx.$executeRawUnsafe(
    `INSERT INTO "OccupationGroup" (code, level, "titleDa", "titleEn")
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(code text, level int, "titleDa" text, "titleEn" text)
     ON CONFLICT (code) DO UPDATE SET level = EXCLUDED.level, "titleDa" = EXCLUDED."titleDa", "titleEn" = EXCLUDED."titleEn"
     WHERE ("OccupationGroup".level, "OccupationGroup"."titleDa", "OccupationGroup"."titleEn")
       IS DISTINCT FROM (EXCLUDED.level, EXCLUDED."titleDa", EXCLUDED."titleEn")`,
    JSON.stringify(data.groups),
  );

  await stage(
    tx,
    "tax_skill",
    `key text, "escoUri" text, "labelEn" text, "labelDa" text, "altLabelsEn" text[], "altLabelsDa" text[], "skillType" text, description text`,
    data.skills,
  );
  await stage(
    tx,
    "tax_occupation",
    `"escoUri" text, "iscoCode" text, "labelEn" text, "labelDa" text, "altLabelsEn" text[], "altLabelsDa" text[], description text`,
    data.occupations,
  );
  await stage(
    tx,
    "tax_relation",
    `o text, s text, r "SkillRelation"`,
    data.relations.map((r) => ({ o: r.occupationUri, s: r.skillKey, r: r.relation })),
  );
  await tx.$executeRawUnsafe(`CREATE TEMP TABLE tax_relatedness (s text, r text, strength float8, source text) ON COMMIT DROP`);
  await stage(
    tx,
    "tax_relatedness",
    `s text, r text, strength float8, source text`,
    relatedness.map((x) => ({ s: x.skillKey, r: x.relatedSkillKey, strength: x.strength, source: x.source })),
  );
  await tx.$executeRawUnsafe(`ANALYZE tax_skill`);
  await tx.$executeRawUnsafe(`ANALYZE tax_occupation`);
  await tx.$executeRawUnsafe(`ANALYZE tax_relation`);

  const skillColumns = `"escoUri", "labelEn", "labelDa", "altLabelsEn", "altLabelsDa", "skillType", description`;
  const skillsWritten = await tx.$executeRawUnsafe(
    `INSERT INTO "Skill" (id, key, ${skillColumns}, "updatedAt")
     SELECT gen_random_uuid()::text, key, ${skillColumns}, now() FROM tax_skill
     ON CONFLICT (key) DO UPDATE SET
       "escoUri" = EXCLUDED."escoUri", "labelEn" = EXCLUDED."labelEn", "labelDa" = EXCLUDED."labelDa",
       "altLabelsEn" = EXCLUDED."altLabelsEn", "altLabelsDa" = EXCLUDED."altLabelsDa",
       "skillType" = EXCLUDED."skillType", description = EXCLUDED.description, "updatedAt" = now()
     WHERE (${prefixed("Skill", skillColumns)}) IS DISTINCT FROM (${prefixed("EXCLUDED", skillColumns)})`,
  );

  const occupationColumns = `"iscoCode", "labelEn", "labelDa", "altLabelsEn", "altLabelsDa", description`;
  const occupationsWritten = await tx.$executeRawUnsafe(
    `INSERT INTO "Occupation" (id, "escoUri", ${occupationColumns}, "updatedAt")
     SELECT gen_random_uuid()::text, "escoUri", ${occupationColumns}, now() FROM tax_occupation
     ON CONFLICT ("escoUri") DO UPDATE SET
       "iscoCode" = EXCLUDED."iscoCode", "labelEn" = EXCLUDED."labelEn", "labelDa" = EXCLUDED."labelDa",
       "altLabelsEn" = EXCLUDED."altLabelsEn", "altLabelsDa" = EXCLUDED."altLabelsDa",
       description = EXCLUDED.description, "updatedAt" = now()
     WHERE (${prefixed("Occupation", occupationColumns)}) IS DISTINCT FROM (${prefixed("EXCLUDED", occupationColumns)})`,
  );

  // Resolve URIs and keys to row ids once, then merge and prune against that.
  await tx.$executeRawUnsafe(
    `CREATE TEMP TABLE tax_relation_ids ON COMMIT DROP AS
     SELECT o.id AS "occupationId", s.id AS "skillId", r.r AS relation
     FROM tax_relation r JOIN "Occupation" o ON o."escoUri" = r.o JOIN "Skill" s ON s.key = r.s`,
  );
  await tx.$executeRawUnsafe(`ALTER TABLE tax_relation_ids ADD PRIMARY KEY ("occupationId", "skillId")`);
  const relationsWritten = await tx.$executeRawUnsafe(
    `INSERT INTO "OccupationSkill" ("occupationId", "skillId", relation)
     SELECT "occupationId", "skillId", relation FROM tax_relation_ids
     ON CONFLICT ("occupationId", "skillId") DO UPDATE SET relation = EXCLUDED.relation
     WHERE "OccupationSkill".relation <> EXCLUDED.relation`,
  );
  const relationsDeleted = await tx.$executeRawUnsafe(
    `DELETE FROM "OccupationSkill" os WHERE NOT EXISTS (
       SELECT 1 FROM tax_relation_ids t WHERE t."occupationId" = os."occupationId" AND t."skillId" = os."skillId")`,
  );

  // Skill relatedness is derived from this source only (ADR 022): the table ends up
  // holding exactly the pairs computed now. Strengths arrive rounded, so an
  // unchanged source compares equal and writes nothing.
  await tx.$executeRawUnsafe(
    `CREATE TEMP TABLE tax_relatedness_ids ON COMMIT DROP AS
     SELECT s.id AS "skillId", r.id AS "relatedSkillId", t.strength, t.source
     FROM tax_relatedness t JOIN "Skill" s ON s.key = t.s JOIN "Skill" r ON r.key = t.r`,
  );
  await tx.$executeRawUnsafe(`ALTER TABLE tax_relatedness_ids ADD PRIMARY KEY ("skillId", "relatedSkillId")`);
  const relatednessWritten = await tx.$executeRawUnsafe(
    `INSERT INTO "SkillRelatedness" ("skillId", "relatedSkillId", strength, source)
     SELECT "skillId", "relatedSkillId", strength, source FROM tax_relatedness_ids
     ON CONFLICT ("skillId", "relatedSkillId") DO UPDATE SET strength = EXCLUDED.strength, source = EXCLUDED.source
     WHERE ("SkillRelatedness".strength, "SkillRelatedness".source) IS DISTINCT FROM (EXCLUDED.strength, EXCLUDED.source)`,
  );
  const relatednessDeleted = await tx.$executeRawUnsafe(
    `DELETE FROM "SkillRelatedness" x WHERE NOT EXISTS (
       SELECT 1 FROM tax_relatedness_ids t WHERE t."skillId" = x."skillId" AND t."relatedSkillId" = x."relatedSkillId")`,
  );

  // Concepts gone from the source are removed unless something of ours uses them.
  const skillInUse = `EXISTS (SELECT 1 FROM "VacancySkill" x WHERE x."skillId" = s.id)
    OR EXISTS (SELECT 1 FROM "CandidateSkill" x WHERE x."skillId" = s.id)
    OR EXISTS (SELECT 1 FROM "CourseSkill" x WHERE x."skillId" = s.id)`;
  const skillGone = `NOT EXISTS (SELECT 1 FROM tax_skill t WHERE t.key = s.key)`;
  const skillsDeleted = await tx.$executeRawUnsafe(
    `DELETE FROM "Skill" s WHERE ${skillGone} AND NOT (${skillInUse})`,
  );
  const occupationGone = `NOT EXISTS (SELECT 1 FROM tax_occupation t WHERE t."escoUri" = o."escoUri")`;
  const occupationInUse = `(EXISTS (SELECT 1 FROM "Vacancy" v WHERE v."occupationId" = o.id)
    OR EXISTS (SELECT 1 FROM "CandidateOccupation" c WHERE c."occupationId" = o.id))`;
  const occupationsDeleted = await tx.$executeRawUnsafe(
    `DELETE FROM "Occupation" o WHERE ${occupationGone} AND NOT ${occupationInUse}`,
  );
  const [kept] = await tx.$queryRawUnsafe<{ skills: bigint; occupations: bigint }[]>(
    `SELECT (SELECT count(*) FROM "Skill" s WHERE ${skillGone}) AS skills,
            (SELECT count(*) FROM "Occupation" o WHERE ${occupationGone}) AS occupations`,
  );

  return {
    groupsWritten,
    skillsWritten,
    occupationsWritten,
    relationsWritten,
    relationsDeleted,
    relatednessWritten,
    relatednessDeleted,
    skillsDeleted,
    occupationsDeleted,
    skillsKept: Number(kept.skills),
    occupationsKept: Number(kept.occupations),
  };
}

function prefixed(table: string, columns: string): string {
  return columns
    .split(",")
    .map((c) => `"${table}".${c.trim()}`.replace('"EXCLUDED"', "EXCLUDED"))
    .join(", ");
}

export function hasChanges(c: WriteCounts): boolean {
  return (
    c.groupsWritten + c.skillsWritten + c.occupationsWritten + c.relationsWritten +
      c.relationsDeleted + c.relatednessWritten + c.relatednessDeleted + c.skillsDeleted + c.occupationsDeleted > 0
  );
}

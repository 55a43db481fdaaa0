// Bulk inserts for the synthetic data: one INSERT … SELECT FROM unnest(column
// arrays) per batch, which is far faster than a parameter per value (see also
// prisma/seed/bulk.ts). Table and column names are literals in this file, never input.
import type pg from "pg";
import type { CandidateBatch, CoursePlan, OrgRow, Taxonomy, VacancyBatch } from "./synthetic";

const col = <T, V>(rows: T[], f: (r: T) => V) => rows.map(f);

export async function insertTaxonomy(client: pg.ClientBase, tax: Taxonomy): Promise<void> {
  await client.query(
    `INSERT INTO "Skill" ("id", "key", "labelEn", "labelDa", "altLabelsEn", "altLabelsDa", "updatedAt")
     SELECT id, key, label, label, '{}', '{}', now() FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, key, label)`,
    [col(tax.skills, (s) => s.id), col(tax.skills, (s) => s.key), col(tax.skills, (s) => s.label)],
  );
  await client.query(
    `INSERT INTO "Occupation" ("id", "escoUri", "labelEn", "labelDa", "altLabelsEn", "altLabelsDa", "updatedAt")
     SELECT id, 'urn:bench:' || id, label, label, '{}', '{}', now() FROM unnest($1::text[], $2::text[]) AS t(id, label)`,
    [col(tax.occupations, (o) => o.id), col(tax.occupations, (o) => o.label)],
  );
  const links = tax.occupations.flatMap((o) => [
    ...o.essential.map((s) => [o.id, s, "ESSENTIAL"]),
    ...o.optional.map((s) => [o.id, s, "OPTIONAL"]),
  ]);
  await client.query(
    `INSERT INTO "OccupationSkill" ("occupationId", "skillId", "relation")
     SELECT o, s, r::"SkillRelation" FROM unnest($1::text[], $2::text[], $3::text[]) AS t(o, s, r) ON CONFLICT DO NOTHING`,
    [links.map((l) => l[0]), links.map((l) => l[1]), links.map((l) => l[2])],
  );
  await client.query(
    `INSERT INTO "SkillRelatedness" ("skillId", "relatedSkillId", "strength", "source")
     SELECT s, r, w, 'co-occurrence' FROM unnest($1::text[], $2::text[], $3::float8[]) AS t(s, r, w) ON CONFLICT DO NOTHING`,
    [col(tax.related, (x) => x.skillId), col(tax.related, (x) => x.relatedSkillId), col(tax.related, (x) => x.strength)],
  );
}

export async function insertOrganisations(client: pg.ClientBase, orgs: OrgRow[]): Promise<void> {
  await client.query(
    `INSERT INTO "Organisation" ("id", "kind", "name", "municipalityCode", "postalCode", "city", "latitude", "longitude", "updatedAt")
     SELECT id, kind::"OrganisationKind", name, m, pc, city, lat, lng, now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::float8[])
       AS t(id, kind, name, m, pc, city, lat, lng)`,
    [
      col(orgs, (o) => o.id), col(orgs, (o) => o.kind), col(orgs, (o) => o.name), col(orgs, (o) => o.municipalityCode),
      col(orgs, (o) => o.place.postalCode), col(orgs, (o) => o.place.city), col(orgs, (o) => o.place.latitude), col(orgs, (o) => o.place.longitude),
    ],
  );
}

export async function insertCandidates(client: pg.ClientBase, batch: CandidateBatch): Promise<void> {
  const c = batch.candidates;
  await client.query(
    `INSERT INTO "Candidate" ("id", "jobcentreId", "pseudonym", "firstName", "lastName", "postalCode", "city", "latitude", "longitude",
                              "commuteRadiusKm", "availableFrom", "status", "hasDrivingLicence", "languages", "updatedAt")
     SELECT id, jc, ps, fn, ln, pc, city, lat, lng, r, af, st::"CandidateStatus", dl, ARRAY[lang], now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::float8[],
                 $10::int[], $11::date[], $12::text[], $13::bool[], $14::text[])
       AS t(id, jc, ps, fn, ln, pc, city, lat, lng, r, af, st, dl, lang)`,
    [
      col(c, (r) => r.id), col(c, (r) => r.jobcentreId), col(c, (r) => r.pseudonym), col(c, (r) => r.firstName), col(c, (r) => r.lastName),
      col(c, (r) => r.postalCode), col(c, (r) => r.city), col(c, (r) => r.latitude), col(c, (r) => r.longitude), col(c, (r) => r.commuteRadiusKm),
      col(c, (r) => r.availableFrom.toISOString().slice(0, 10)), col(c, (r) => r.status), col(c, (r) => r.hasDrivingLicence), col(c, (r) => r.languages),
    ],
  );
  await client.query(`INSERT INTO "CandidateSkill" ("candidateId", "skillId") SELECT * FROM unnest($1::text[], $2::text[])`, [
    col(batch.skills, (s) => s.owner),
    col(batch.skills, (s) => s.skillId),
  ]);
  await client.query(
    `INSERT INTO "CandidateOccupation" ("candidateId", "occupationId", "years") SELECT * FROM unnest($1::text[], $2::text[], $3::int[])`,
    [col(batch.experience, (e) => e.owner), col(batch.experience, (e) => e.occupationId), col(batch.experience, (e) => e.years)],
  );
  await client.query(
    `INSERT INTO "Consent" ("id", "candidateId", "purpose", "channel") SELECT id, cid, 'MATCHING', 'DIGITAL' FROM unnest($1::text[], $2::text[]) AS t(id, cid)`,
    [col(batch.consents, (s) => s.id), col(batch.consents, (s) => s.candidateId)],
  );
}

export async function insertVacancies(client: pg.ClientBase, batch: VacancyBatch): Promise<void> {
  const v = batch.vacancies;
  await client.query(
    `INSERT INTO "Vacancy" ("id", "organisationId", "occupationId", "title", "status", "postalCode", "city", "latitude", "longitude", "startDate",
                            "requiresDrivingLicence", "acceptsUpskilling", "languages", "updatedAt")
     SELECT id, org, occ, title, 'OPEN', pc, city, lat, lng, sd, dl, up, '{}', now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::float8[], $9::date[], $10::bool[], $11::bool[])
       AS t(id, org, occ, title, pc, city, lat, lng, sd, dl, up)`,
    [
      col(v, (r) => r.id), col(v, (r) => r.organisationId), col(v, (r) => r.occupationId), col(v, (r) => r.title), col(v, (r) => r.postalCode),
      col(v, (r) => r.city), col(v, (r) => r.latitude), col(v, (r) => r.longitude), col(v, (r) => r.startDate.toISOString().slice(0, 10)),
      col(v, (r) => r.requiresDrivingLicence), col(v, (r) => r.acceptsUpskilling),
    ],
  );
  await client.query(
    `INSERT INTO "VacancySkill" ("vacancyId", "skillId", "requirement") SELECT v, s, r::"SkillRequirement" FROM unnest($1::text[], $2::text[], $3::text[]) AS t(v, s, r)`,
    [col(batch.skills, (s) => s.vacancyId), col(batch.skills, (s) => s.skillId), col(batch.skills, (s) => s.requirement)],
  );
}

export async function insertCourses(client: pg.ClientBase, plan: CoursePlan): Promise<void> {
  const c = plan.courses;
  await client.query(
    `INSERT INTO "Course" ("id", "institutionId", "title", "updatedAt") SELECT id, inst, title, now() FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, inst, title)`,
    [col(c, (r) => r.id), col(c, (r) => r.institutionId), col(c, (r) => r.title)],
  );
  await client.query(`INSERT INTO "CourseSkill" ("courseId", "skillId") SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`, [
    col(plan.skills, (s) => s.owner),
    col(plan.skills, (s) => s.skillId),
  ]);
  const o = plan.offerings;
  await client.query(
    `INSERT INTO "CourseOffering" ("id", "courseId", "startDate", "endDate", "online", "postalCode", "city", "latitude", "longitude", "seats", "cancelledAt", "updatedAt")
     SELECT id, cid, sd, ed, onl, pc, city, lat, lng, seats, CASE WHEN cancelled THEN now() END, now()
     FROM unnest($1::text[], $2::text[], $3::date[], $4::date[], $5::bool[], $6::text[], $7::text[], $8::float8[], $9::float8[], $10::int[], $11::bool[])
       AS t(id, cid, sd, ed, onl, pc, city, lat, lng, seats, cancelled)`,
    [
      col(o, (r) => r.id), col(o, (r) => r.courseId), col(o, (r) => r.startDate.toISOString().slice(0, 10)), col(o, (r) => r.endDate.toISOString().slice(0, 10)),
      col(o, (r) => r.online), col(o, (r) => r.postalCode), col(o, (r) => r.city), col(o, (r) => r.latitude), col(o, (r) => r.longitude),
      col(o, (r) => r.seats), col(o, (r) => r.cancelled),
    ],
  );
}

// Reading stored matches for the API (and later the portals): ranked by score,
// each with its explanation in words people can use (skill labels in Danish and
// English, distance, availability) and the upskilling offerings behind it.
//
// Privacy: the candidate side of a match is ALWAYS pseudonymous here. The
// candidate selects (read.repository.server.ts) never name firstName/lastName/
// email/phone or the consultant, so no caller can leak them by accident; a
// jobcentre additionally gets the candidate id of its own candidates, to open
// the (audited) profile.
import { z } from "zod";
import type { OrganisationKind } from "~/generated/prisma/enums";
import { NotFoundError } from "~/lib/errors";
import { toIsoDate } from "~/lib/fields";
import type { Db } from "~/lib/db.server";
import {
  findCurrentMatchesOfCandidate,
  findCurrentMatchesOfVacancy,
  findJobcentreCandidatePseudonym,
  findOfferingPlaces,
  findSkillLabels,
  findVacancyInScope,
  lastMatchUpdateAt,
} from "./read.repository.server";

export interface MatchReader {
  organisationId: string;
  kind: OrganisationKind;
  userId?: string | null;
}

const skillExplanation = z.object({
  skillId: z.string(),
  met: z.boolean(),
  evidence: z.enum(["exact", "related", "course", "missing"]).optional(),
  viaSkillId: z.string().optional(),
  viaOfferingId: z.string().optional(),
});
// Parsed, not cast: explanations are JSON written by earlier versions of the matcher too.
const storedExplanation = z.object({
  required: z.array(skillExplanation).default([]),
  niceToHave: z.array(skillExplanation).default([]),
  distanceKm: z.number().nullable().default(null),
  radiusKm: z.number().nullable().default(null),
  availableFrom: z.string().nullable().default(null),
  startDate: z.string().nullable().default(null),
  upskilling: z
    .array(
      z.object({
        offeringId: z.string(),
        courseId: z.string(),
        skillIds: z.array(z.string()).default([]),
        startDate: z.string(),
        endDate: z.string(),
        online: z.boolean(),
        seatsLeft: z.number().optional(),
      }),
    )
    .default([]),
  jobReadyBy: z.string().nullable().default(null),
  occupationFit: z.object({ profile: z.number(), years: z.number(), sameOccupation: z.boolean() }).nullable().default(null),
});
type StoredExplanation = z.output<typeof storedExplanation>;

const EMPTY_EXPLANATION: StoredExplanation = storedExplanation.parse({});

function parseExplanation(json: unknown): StoredExplanation {
  const parsed = storedExplanation.safeParse(json);
  return parsed.success ? parsed.data : EMPTY_EXPLANATION;
}

type Labels = Map<string, { labelEn: string; labelDa: string | null }>;
type Offerings = Map<string, { courseTitle: string; postalCode: string | null; city: string | null; cancelled: boolean }>;

async function lookups(db: Db, explanations: StoredExplanation[]): Promise<{ labels: Labels; offerings: Offerings }> {
  const skillIds = new Set<string>();
  const offeringIds = new Set<string>();
  for (const e of explanations) {
    for (const s of [...e.required, ...e.niceToHave]) {
      skillIds.add(s.skillId);
      if (s.viaSkillId) skillIds.add(s.viaSkillId);
    }
    for (const u of e.upskilling) offeringIds.add(u.offeringId);
  }
  const [skills, offerings] = await Promise.all([
    skillIds.size ? findSkillLabels(db, [...skillIds]) : [],
    offeringIds.size ? findOfferingPlaces(db, [...offeringIds]) : [],
  ]);
  return {
    labels: new Map(skills.map((s) => [s.id, { labelEn: s.labelEn, labelDa: s.labelDa }])),
    offerings: new Map(offerings.map((o) => [o.id, { courseTitle: o.course.title, postalCode: o.postalCode, city: o.city, cancelled: o.cancelledAt !== null }])),
  };
}

function explain(e: StoredExplanation, labels: Labels, offerings: Offerings) {
  const skill = (s: z.output<typeof skillExplanation>) => ({
    skillId: s.skillId,
    labelDa: labels.get(s.skillId)?.labelDa ?? null,
    labelEn: labels.get(s.skillId)?.labelEn ?? null,
    met: s.met,
    // Explanations from before model v2 carry no evidence: then met means held.
    evidence: s.evidence ?? (s.met ? "exact" : s.viaOfferingId ? "course" : "missing"),
    ...(s.viaSkillId
      ? { viaSkill: { skillId: s.viaSkillId, labelDa: labels.get(s.viaSkillId)?.labelDa ?? null, labelEn: labels.get(s.viaSkillId)?.labelEn ?? null } }
      : {}),
    ...(s.viaOfferingId ? { viaOfferingId: s.viaOfferingId } : {}),
  });
  const lastCourseEnd = e.upskilling.length ? e.upskilling.map((u) => u.endDate).sort().at(-1)! : null;
  return {
    explanation: {
      requiredSkills: e.required.map(skill),
      niceToHaveSkills: e.niceToHave.map(skill),
      distanceKm: e.distanceKm === null ? null : Math.round(e.distanceKm * 10) / 10,
      commuteRadiusKm: e.radiusKm,
      availability: {
        availableFrom: e.availableFrom,
        startDate: e.startDate,
        availableByStart: e.availableFrom !== null && e.startDate !== null ? e.availableFrom <= e.startDate : null,
      },
      // Older explanations: derived the same way the model does (the day after the last course, or availability).
      jobReadyBy: e.jobReadyBy ?? (lastCourseEnd ? laterDate(dayAfter(lastCourseEnd), e.availableFrom) : e.availableFrom),
      occupationFit: e.occupationFit,
    },
    upskilling: e.upskilling.map((u) => {
      const offering = offerings.get(u.offeringId);
      return {
        offeringId: u.offeringId,
        courseId: u.courseId,
        courseTitle: offering?.courseTitle ?? null,
        startDate: u.startDate,
        endDate: u.endDate,
        online: u.online,
        place: u.online || !offering?.postalCode ? null : { postalCode: offering.postalCode, city: offering.city },
        teachesSkillIds: u.skillIds,
        seatsLeft: u.seatsLeft ?? null,
        cancelled: offering ? offering.cancelled : true,
      };
    }),
  };
}

function dayAfter(isoDay: string): string {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function laterDate(a: string, b: string | null): string {
  return b !== null && b > a ? b : a;
}

/** When matches for this scope were last (re)computed: any stored row, current or retired, counts. */
async function lastComputedAt(db: Db, scope: { vacancyId: string } | { candidateId: string }): Promise<string | null> {
  return (await lastMatchUpdateAt(db, scope))?.toISOString() ?? null;
}

/**
 * Matches of a vacancy: for the company that owns it, or for the jobcentre that
 * serves that company. Anyone else gets 404, as if the vacancy did not exist.
 */
export async function readVacancyMatches(db: Db, reader: MatchReader, vacancyId: string) {
  const scope =
    reader.kind === "COMPANY"
      ? { organisationId: reader.organisationId }
      : reader.kind === "JOBCENTRE"
        ? { organisation: { servedById: reader.organisationId } }
        : null;
  const vacancy = scope ? await findVacancyInScope(db, vacancyId, scope) : null;
  if (!vacancy) throw new NotFoundError("Vacancy");

  const rows = await findCurrentMatchesOfVacancy(db, vacancyId);
  const explanations = rows.map((r) => parseExplanation(r.explanation));
  const { labels, offerings } = await lookups(db, explanations);
  return {
    vacancy,
    computedAt: await lastComputedAt(db, { vacancyId }),
    matches: rows.map((row, i) => ({
      id: row.id,
      rank: i + 1,
      kind: row.kind,
      score: row.score,
      pipelineStatus: row.status,
      isNew: row.isNew,
      candidate: {
        pseudonym: row.candidate.pseudonym,
        ...(reader.kind === "JOBCENTRE" && row.candidate.jobcentreId === reader.organisationId ? { id: row.candidate.id } : {}),
      },
      ...explain(explanations[i], labels, offerings),
    })),
  };
}

/** Matches of a candidate (vacancies that fit them), for the jobcentre that holds the candidate. */
export async function readCandidateMatches(db: Db, reader: MatchReader, candidateId: string) {
  const candidate =
    reader.kind === "JOBCENTRE"
      ? await findJobcentreCandidatePseudonym(db, reader.organisationId, candidateId)
      : null;
  if (!candidate) throw new NotFoundError("Candidate");

  const rows = await findCurrentMatchesOfCandidate(db, candidateId);
  const explanations = rows.map((r) => parseExplanation(r.explanation));
  const { labels, offerings } = await lookups(db, explanations);
  return {
    candidate,
    computedAt: await lastComputedAt(db, { candidateId }),
    matches: rows.map((row, i) => ({
      id: row.id,
      rank: i + 1,
      kind: row.kind,
      score: row.score,
      pipelineStatus: row.status,
      isNew: row.isNew,
      vacancy: {
        id: row.vacancy.id,
        title: row.vacancy.title,
        status: row.vacancy.status,
        postalCode: row.vacancy.postalCode,
        city: row.vacancy.city,
        startDate: toIsoDate(row.vacancy.startDate),
        company: row.vacancy.organisation,
      },
      ...explain(explanations[i], labels, offerings),
    })),
  };
}

// Candidate use cases for jobcentres. Every write is one transaction holding the
// change, its "candidate.changed" outbox row and its AuditEvent; every read of
// personal data writes an AuditEvent before the data is returned.
import type { Prisma } from "~/generated/prisma/client";
import { InvalidInputError, NotFoundError } from "~/lib/errors";
import { assertSkillsExist, collectInvalid, resolveOccupationId, resolvePostalCode, type Place } from "~/modules/references/references.server";
import { closeIntroductionsOfConsent } from "~/modules/introductions/withdrawal.server";
import { writeOutbox } from "~/lib/outbox/outbox.server";
import type { Db } from "~/lib/db.server";
import { toCandidateDto, toCandidateSummaryDto, toConsentDto, type CandidateDto, type CandidateSummaryDto, type ConsentDto } from "./dto";
import { generatePseudonym } from "./pseudonym";
import {
  candidateExists,
  findActiveConsent,
  findCandidate,
  findCandidateIdByReference,
  findConsent,
  findServedOrNamedCompanies,
  insertCandidate,
  insertConsent,
  isCompany,
  isMemberOf,
  listCandidateSummaries,
  listConsents as listConsentRows,
  lockCandidate,
  markConsentWithdrawn,
  pseudonymTaken,
  recordAudit,
  updateCandidateRow,
  type Experience,
} from "./repository.server";
import type { CandidateCreateInput, CandidateUpdateInput, ConsentCreateInput } from "./schema";

/** The jobcentre acting, the person when there is one, and why (shown to the citizen in their audit log). */
export interface CandidateActor {
  organisationId: string;
  userId?: string | null;
  reason?: string;
}

const reasonOf = (actor: CandidateActor) => actor.reason ?? "api";

function audit(tx: Db | Prisma.TransactionClient, actor: CandidateActor, candidateId: string, action: "READ" | "CREATE" | "UPDATE", resource: string) {
  return recordAudit(tx, { actorOrgId: actor.organisationId, actorUserId: actor.userId, candidateId, action, resource, reason: reasonOf(actor) });
}

/** Pseudonymous summaries (no names): a list does not read personal data. */
export async function listCandidates(db: Db, actor: CandidateActor): Promise<CandidateSummaryDto[]> {
  return (await listCandidateSummaries(db, actor.organisationId)).map(toCandidateSummaryDto);
}

/**
 * The id of the jobcentre's own candidate a consultant names by pseudonym (in
 * any case) or id; null for anyone else's. Only the id: not a read of personal data.
 */
export async function findCandidateId(db: Db, actor: CandidateActor, reference: string): Promise<string | null> {
  return findCandidateIdByReference(db, actor.organisationId, reference);
}

/**
 * The companies a consultant may record a consent to share with (those the
 * jobcentre serves), plus those the candidate's consents already name, so the
 * profile can show every consent's company by name.
 */
export async function listConsentCompanies(db: Db, actor: CandidateActor, consents: readonly { companyId: string | null }[]): Promise<{ id: string; name: string }[]> {
  return findServedOrNamedCompanies(db, actor.organisationId, consents.flatMap((c) => (c.companyId ? [c.companyId] : [])));
}

export async function getCandidate(db: Db, actor: CandidateActor, id: string): Promise<CandidateDto> {
  return db.$transaction(async (tx) => {
    const row = await findCandidate(tx, actor.organisationId, id);
    if (!row) throw new NotFoundError("Candidate");
    await audit(tx, actor, id, "READ", "candidate");
    return toCandidateDto(row);
  });
}

async function checkReferences(
  tx: Prisma.TransactionClient,
  actor: CandidateActor,
  input: { postalCode?: string; skillIds?: string[]; consultantId?: string | null; occupations?: Experience[] },
): Promise<{ place: Place | null; experience: Experience[] | undefined }> {
  let place: Place | null = null;
  // Occupations may be named by ESCO URI: stored by our id.
  const experience = input.occupations?.map((o) => ({ ...o }));
  await collectInvalid([
    async () => {
      if (input.postalCode) place = await resolvePostalCode(tx, input.postalCode);
    },
    () => assertSkillsExist(tx, input.skillIds ? { skillIds: input.skillIds } : {}),
    async () => {
      if (input.consultantId && !(await isMemberOf(tx, actor.organisationId, input.consultantId))) {
        throw new InvalidInputError({ consultantId: "Not a member of this jobcentre" });
      }
    },
    ...(experience ?? []).map((o, index) => async () => {
      o.occupationId = await resolveOccupationId(tx, o.occupationId, `occupations.${index}.occupationId`);
    }),
  ]);
  if (experience && new Set(experience.map((o) => o.occupationId)).size < experience.length) {
    throw new InvalidInputError({ occupations: "The same occupation is listed twice (by id and by URI)" });
  }
  return { place, experience };
}

async function freePseudonym(tx: Prisma.TransactionClient): Promise<string> {
  // 32^6 ≈ 10^9 values: a clash is rare, but the column is unique, so check.
  for (let attempt = 0; attempt < 10; attempt++) {
    const candidate = generatePseudonym();
    if (!(await pseudonymTaken(tx, candidate))) return candidate;
  }
  throw new Error("Could not find a free pseudonym in 10 attempts");
}

const isPseudonymClash = (error: unknown) =>
  typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002" && JSON.stringify(error).includes("pseudonym");

export async function createCandidate(db: Db, actor: CandidateActor, input: CandidateCreateInput): Promise<CandidateDto> {
  // Two concurrent creates could pick the same free pseudonym; the unique index decides and we retry once more.
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const { place: checkedPlace, experience } = await checkReferences(tx, actor, input);
        const place = checkedPlace!;
        const row = await insertCandidate(
          tx,
          {
            jobcentreId: actor.organisationId,
            pseudonym: await freePseudonym(tx),
            firstName: input.firstName,
            lastName: input.lastName,
            email: input.email ?? null,
            phone: input.phone ?? null,
            postalCode: place.postalCode,
            city: place.city,
            latitude: place.latitude,
            longitude: place.longitude,
            commuteRadiusKm: input.commuteRadiusKm,
            availableFrom: input.availableFrom,
            hasDrivingLicence: input.hasDrivingLicence,
            languages: input.languages ?? [],
            desiredHoursPerWeek: input.desiredHoursPerWeek ?? null,
            consultantId: input.consultantId ?? null,
          },
          input.skillIds ?? [],
          experience ?? [],
        );
        await writeOutbox(tx, "candidate.changed", row.id);
        await audit(tx, actor, row.id, "CREATE", "candidate");
        return toCandidateDto(row);
      });
    } catch (error) {
      if (attempt < 2 && isPseudonymClash(error)) continue;
      throw error;
    }
  }
}

export async function updateCandidate(db: Db, actor: CandidateActor, id: string, input: CandidateUpdateInput): Promise<CandidateDto> {
  return db.$transaction(async (tx) => {
    if (!(await lockCandidate(tx, actor.organisationId, id))) throw new NotFoundError("Candidate");
    const { place, experience } = await checkReferences(tx, actor, input);
    const { skillIds, occupations: _occupations, postalCode: _postalCode, ...plain } = input;
    const data: Prisma.CandidateUncheckedUpdateManyInput = { ...plain, lastActivityAt: new Date() };
    if (place) Object.assign(data, place);
    const row = await updateCandidateRow(tx, actor.organisationId, id, data, skillIds, experience);
    await writeOutbox(tx, "candidate.changed", id);
    await audit(tx, actor, id, "UPDATE", "candidate");
    return toCandidateDto(row);
  });
}

export async function listConsents(db: Db, actor: CandidateActor, candidateId: string): Promise<ConsentDto[]> {
  if (!(await candidateExists(db, actor.organisationId, candidateId))) throw new NotFoundError("Candidate");
  return (await listConsentRows(db, candidateId)).map(toConsentDto);
}

/**
 * Records a consent. Giving the same consent again while it is active changes
 * nothing and answers with the existing one (`created: false`), so a retried
 * request cannot create duplicates.
 */
export async function recordConsent(db: Db, actor: CandidateActor, candidateId: string, input: ConsentCreateInput): Promise<{ consent: ConsentDto; created: boolean }> {
  return db.$transaction((tx) => recordConsentInTx(tx, actor, candidateId, input));
}

/** recordConsent inside the caller's transaction, for use cases that must commit the consent with their own change. */
export async function recordConsentInTx(tx: Prisma.TransactionClient, actor: CandidateActor, candidateId: string, input: ConsentCreateInput): Promise<{ consent: ConsentDto; created: boolean }> {
  if (!(await lockCandidate(tx, actor.organisationId, candidateId))) throw new NotFoundError("Candidate");
  const companyId = input.companyId ?? null;
  if (companyId && !(await isCompany(tx, companyId))) throw new InvalidInputError({ companyId: "Unknown company id" });
  const existing = await findActiveConsent(tx, candidateId, input.purpose, companyId);
  if (existing) return { consent: toConsentDto(existing), created: false };
  const row = await insertConsent(tx, {
    candidateId,
    purpose: input.purpose,
    channel: input.channel,
    companyId,
    givenAt: input.givenAt ?? new Date(),
    recordedById: actor.userId ?? null,
  });
  // MATCHING consent decides whether the candidate is indexed and matched at all.
  await writeOutbox(tx, "candidate.changed", candidateId);
  await audit(tx, actor, candidateId, "UPDATE", "candidate.consent");
  return { consent: toConsentDto(row), created: true };
}

/** Withdrawal keeps the row (the citizen sees the history); repeating it changes nothing. */
export async function withdrawConsent(db: Db, actor: CandidateActor, candidateId: string, consentId: string): Promise<ConsentDto> {
  return db.$transaction(async (tx) => {
    if (!(await lockCandidate(tx, actor.organisationId, candidateId))) throw new NotFoundError("Candidate");
    const consent = await findConsent(tx, candidateId, consentId);
    if (!consent) throw new NotFoundError("Consent");
    if (consent.withdrawnAt) return toConsentDto(consent);
    const row = await markConsentWithdrawn(tx, consentId, new Date());
    await closeIntroductionsOfConsent(tx, consentId);
    await writeOutbox(tx, "candidate.changed", candidateId);
    await audit(tx, actor, candidateId, "UPDATE", "candidate.consent");
    return toConsentDto(row);
  });
}


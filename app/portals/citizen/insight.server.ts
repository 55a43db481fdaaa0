// What Jobbro holds about a citizen (GDPR article 15), for their own page and
// their JSON download. Every call writes an AuditEvent in the same transaction
// as the read, with the citizen as the actor, so the access log they see
// includes their own visits.
import type { Db } from "~/lib/db.server";
import { listAuditEvents } from "~/modules/audit/read.server";
import { toProfileFields } from "~/modules/candidates/dto";
import { findInsightRow, pendingErasure, recordCitizenAudit, type InsightRow } from "./repository.server";

/** The access log shown and exported: the newest this-many events. */
export const ACCESS_LOG_LIMIT = 500;

function toInsight(row: InsightRow) {
  return {
    profile: {
      ...toProfileFields(row),
      jobcentre: row.jobcentre.name,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      lastActivityAt: row.lastActivityAt.toISOString(),
    },
    skills: row.skills.map((s) => ({ id: s.skill.id, labelDa: s.skill.labelDa, labelEn: s.skill.labelEn })),
    consents: row.consents.map((c) => ({
      id: c.id,
      purpose: c.purpose,
      company: c.company?.name ?? null,
      channel: c.channel,
      givenAt: c.givenAt.toISOString(),
      withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
      active: c.withdrawnAt === null,
    })),
    // What companies see of a match is the pseudonym and these facts; the citizen sees which vacancies.
    matches: row.matches.map((m) => ({
      id: m.id,
      vacancy: m.vacancy.title,
      company: m.vacancy.organisation.name,
      kind: m.kind,
      score: Math.round(m.score * 100) / 100,
      status: m.status,
      current: m.current,
      createdAt: m.createdAt.toISOString(),
    })),
    introductions: row.contactRequests.map((r) => ({
      id: r.id,
      company: r.company.name,
      vacancy: r.vacancy.title,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      proposedAt: r.proposedAt?.toISOString() ?? null,
      decidedAt: r.decidedAt?.toISOString() ?? null,
    })),
  };
}

export type CitizenInsight = ReturnType<typeof toInsight> & {
  accessLog: { at: string; action: string; resource: string; reason: string; organisation: string | null; byCitizen: boolean }[];
  erasureRequestedAt: string | null;
};

async function readInsight(db: Db, candidateId: string, resource: string): Promise<CitizenInsight | null> {
  return db.$transaction(async (tx) => {
    const row = await findInsightRow(tx, candidateId);
    if (!row) return null;
    // Written before the log is read, so this visit is the first line the citizen sees.
    await recordCitizenAudit(tx, candidateId, "READ", resource);
    // Sequential: a transaction is one connection, and pg refuses overlapping queries on it.
    const log = await listAuditEvents(tx, candidateId, { limit: ACCESS_LOG_LIMIT });
    const erasure = await pendingErasure(tx, candidateId);
    return {
      ...toInsight(row),
      accessLog: log.map((e) => ({
        at: e.at,
        action: e.action,
        resource: e.resource,
        reason: e.reason,
        // Organisations, not the staff member: the citizen learns which authority or company looked.
        organisation: e.organisation.name,
        byCitizen: e.organisation.id === null && e.actor.userId === null,
      })),
      erasureRequestedAt: erasure?.requestedAt.toISOString() ?? null,
    };
  });
}

/** The page: null when the candidate no longer exists (erased). */
export function getCitizenInsight(db: Db, candidateId: string): Promise<CitizenInsight | null> {
  return readInsight(db, candidateId, "citizen.insight");
}

/** The download: the same facts, as one JSON document. */
export async function exportCitizenData(db: Db, candidateId: string, now = new Date()) {
  const insight = await readInsight(db, candidateId, "citizen.export");
  if (!insight) return null;
  return { exportedAt: now.toISOString(), controller: insight.profile.jobcentre, ...insight };
}

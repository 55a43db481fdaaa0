// Revealing a candidate's name and contact details to a company: only while the
// candidate's SHARE_WITH_COMPANY consent for that company stands (the one rule,
// mayShareWithCompany), and every reveal is written to the audit log that the
// citizen can see (READ, "candidate-contact", reason "introduction").
import { mayShareWithCompany } from "~/modules/candidates/share-consent";
import type { Db } from "~/lib/db.server";
import { listCandidateContacts, listShareConsentsForCompany, recordContactReveals } from "./repository.server";

export interface CandidateContact {
  name: string;
  email: string | null;
  phone: string | null;
}

export async function revealContacts(
  db: Db,
  actor: { organisationId: string; userId: string | null },
  candidateIds: readonly string[],
  now = new Date(),
): Promise<Map<string, CandidateContact>> {
  const ids = [...new Set(candidateIds)];
  if (ids.length === 0) return new Map();
  const consents = await listShareConsentsForCompany(db, ids, actor.organisationId);
  const shared = ids.filter((id) => mayShareWithCompany(consents.filter((c) => c.candidateId === id), actor.organisationId, now));
  if (shared.length === 0) return new Map();
  return db.$transaction(async (tx) => {
    const rows = await listCandidateContacts(tx, shared);
    // Written in the same transaction as the read: no reveal without its audit row.
    await recordContactReveals(tx, actor, rows.map((row) => row.id));
    return new Map(rows.map((row) => [row.id, { name: `${row.firstName} ${row.lastName}`, email: row.email, phone: row.phone }]));
  });
}

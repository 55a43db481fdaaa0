// Reading a candidate's audit log: who (person and organisation) read or
// changed their personal data, when, what and why. Shared by the consultant's
// candidate page and the citizen's own insight page, so it does no access
// check of its own: the caller has already decided the reader may see this
// candidate. AuditEvent rows are append-only (the database refuses UPDATE and
// DELETE); this module only reads them.
import type { Db } from "~/lib/db.server";
import { findAuditEventsOfCandidate, findOrganisationNames, findUserNames } from "./repository.server";

export interface AuditEntry {
  id: string;
  at: string;
  action: string;
  resource: string;
  reason: string;
  actor: { userId: string | null; name: string | null };
  organisation: { id: string | null; name: string | null; kind: string | null };
}

export const DEFAULT_AUDIT_LIMIT = 100;

/** Newest first; at most `limit` entries (1–1000). */
export async function listAuditEvents(db: Pick<Db, "auditEvent" | "user" | "organisation">, candidateId: string, options: { limit?: number } = {}): Promise<AuditEntry[]> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_AUDIT_LIMIT), 1), 1000);
  const events = await findAuditEventsOfCandidate(db, candidateId, limit);
  // Looked up by id rather than by relation: the log outlives the users and organisations it names.
  const userIds = [...new Set(events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))];
  const orgIds = [...new Set(events.flatMap((e) => (e.actorOrgId ? [e.actorOrgId] : [])))];
  // One after the other: callers may pass a transaction, which runs on one connection.
  const users = userIds.length ? await findUserNames(db, userIds) : [];
  const orgs = orgIds.length ? await findOrganisationNames(db, orgIds) : [];
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const org = new Map(orgs.map((o) => [o.id, o]));
  return events.map((e) => ({
    id: e.id.toString(),
    at: e.at.toISOString(),
    action: e.action,
    resource: e.resource,
    reason: e.reason,
    actor: { userId: e.actorUserId, name: e.actorUserId ? (userName.get(e.actorUserId) ?? null) : null },
    organisation: {
      id: e.actorOrgId,
      name: e.actorOrgId ? (org.get(e.actorOrgId)?.name ?? null) : null,
      kind: e.actorOrgId ? (org.get(e.actorOrgId)?.kind ?? null) : null,
    },
  }));
}

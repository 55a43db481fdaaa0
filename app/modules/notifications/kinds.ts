// The kinds of in-app notification and their payloads. Payloads hold ids only:
// the text is rendered when someone reads it, in the reader's language, so a
// notification never carries (or goes stale with) names or titles.
import { z } from "zod";

export const NOTIFICATION_KINDS = { newMatch: "new-match" } as const;

export const NewMatchPayload = z.object({ matchId: z.string().min(1), vacancyId: z.string().min(1) }).strict();
export type NewMatchPayload = z.infer<typeof NewMatchPayload>;

/** One notification per match and person, whatever retries or second sweeps do: the database refuses a second. */
export function newMatchDedupeKey(matchId: string, userId: string): string {
  return `${NOTIFICATION_KINDS.newMatch}:${matchId}:${userId}`;
}

export interface MatchToNotify {
  id: string;
  vacancyId: string;
  organisationId: string;
  consultantId: string | null;
}

export interface NotificationRow {
  userId: string;
  kind: string;
  payload: NewMatchPayload;
  dedupeKey: string;
}

/**
 * Who hears of a new match: every (active) member of the company that posted
 * the vacancy, and the candidate's own consultant. `activeUserIds` holds the
 * users who may receive anything (not disabled).
 */
export function newMatchNotifications(
  matches: readonly MatchToNotify[],
  membersByOrganisation: ReadonlyMap<string, readonly string[]>,
  activeUserIds: ReadonlySet<string>,
): NotificationRow[] {
  const rows: NotificationRow[] = [];
  for (const match of matches) {
    const recipients = new Set(membersByOrganisation.get(match.organisationId) ?? []);
    if (match.consultantId) recipients.add(match.consultantId);
    for (const userId of recipients) {
      if (!activeUserIds.has(userId)) continue;
      rows.push({
        userId,
        kind: NOTIFICATION_KINDS.newMatch,
        payload: { matchId: match.id, vacancyId: match.vacancyId },
        dedupeKey: newMatchDedupeKey(match.id, userId),
      });
    }
  }
  return rows;
}

// E-mail digests: what is new for a user (daily, or as it comes), and an
// institution's weekly course demand. Each send happens inside a transaction
// that holds the claimed rows and the digest reservation, and marks them only
// after the SMTP server accepted the message: a failure rolls everything back
// and throws, so the job is retried and nothing is marked sent that was not.
import type { Db } from "~/lib/db.server";
import type { Mailer } from "~/lib/mailer.server";
// The course demand is computed in one place, shared with the institution portal.
import { courseDemand } from "~/modules/demand/course-demand.server";
import { languageOf, mailTranslator } from "./i18n";
import { renderCourseDemandDigest, renderNotificationDigest, unsubscribeHeaders } from "./render";
import {
  claimPendingEmail,
  institutionIdsOf,
  institutionMailUsers,
  mailRecipient,
  markEmailed,
  recordDigestMessage,
  reserveDigest,
  resolveNotifications,
  usersWithPendingEmail,
} from "./repository.server";
import { unsubscribeUrl } from "./unsubscribe-token.server";

/** Notifications older than this are not mailed any more (e.g. after e-mail was off for a while). */
export const DIGEST_LOOKBACK_DAYS = 14;
export const DIGEST_MAX_ITEMS = 100;
/** The transaction stays open while the mail is sent; the mailer's own timeouts are shorter. */
const SEND_TRANSACTION = { timeout: 60_000, maxWait: 10_000 } as const;

export interface MailContext {
  db: Db;
  mailer: Mailer;
  appUrl: string;
  secret: string;
  now?: Date;
}

export type DigestResult = { sent: true; items: number; messageId: string } | { sent: false; reason: "no-recipient" | "nothing-new" | "already-sent" };

const lookback = (now: Date) => new Date(now.getTime() - DIGEST_LOOKBACK_DAYS * 86_400_000);

export function usersToDigest(db: Db, now = new Date()): Promise<string[]> {
  return usersWithPendingEmail(db, lookback(now));
}

/**
 * Mails the user what is new: their unread notifications no e-mail has carried.
 * `periodKey` makes the digest once per period ("2026-11-24" daily); pass a
 * unique key (e.g. the send time) when mailing as things come.
 */
export async function sendNotificationDigest(ctx: MailContext, userId: string, periodKey: string): Promise<DigestResult> {
  const now = ctx.now ?? new Date();
  return ctx.db.$transaction(async (tx) => {
    const user = await mailRecipient(tx, userId);
    if (!user) return { sent: false, reason: "no-recipient" } as const;
    const pending = await claimPendingEmail(tx, userId, lookback(now), DIGEST_MAX_ITEMS);
    if (pending.length === 0) return { sent: false, reason: "nothing-new" } as const;
    const key = { userId, kind: "NOTIFICATIONS" as const, periodKey };
    if (!(await reserveDigest(tx, key, pending.length))) return { sent: false, reason: "already-sent" } as const;

    const language = languageOf(user.locale);
    const unsubscribe = unsubscribeUrl(ctx.appUrl, userId, ctx.secret);
    const mail = renderNotificationDigest(mailTranslator(language), {
      language,
      recipientName: user.name,
      appUrl: ctx.appUrl,
      unsubscribeUrl: unsubscribe,
      notifications: await resolveNotifications(tx, pending),
    });
    const { messageId } = await ctx.mailer.send({ to: user.email, ...mail, headers: unsubscribeHeaders(unsubscribe) });
    await markEmailed(tx, pending.map((n) => n.id));
    await recordDigestMessage(tx, key, messageId);
    return { sent: true, items: pending.length, messageId } as const;
  }, SEND_TRANSACTION);
}

export function institutionUsersToDigest(db: Db): Promise<string[]> {
  return institutionMailUsers(db);
}

/** Mails an institution user the week's demand for their courses, once per ISO week (`week` like "2026-W48"). */
export async function sendCourseDemandDigest(ctx: MailContext, userId: string, week: string): Promise<DigestResult> {
  return ctx.db.$transaction(async (tx) => {
    const user = await mailRecipient(tx, userId);
    if (!user) return { sent: false, reason: "no-recipient" } as const;
    const courses = await courseDemand(tx, await institutionIdsOf(tx, userId));
    if (courses.length === 0) return { sent: false, reason: "nothing-new" } as const;
    const key = { userId, kind: "COURSE_DEMAND" as const, periodKey: week };
    if (!(await reserveDigest(tx, key, courses.length))) return { sent: false, reason: "already-sent" } as const;

    const language = languageOf(user.locale);
    const unsubscribe = unsubscribeUrl(ctx.appUrl, userId, ctx.secret);
    const mail = renderCourseDemandDigest(mailTranslator(language), {
      language,
      recipientName: user.name,
      appUrl: ctx.appUrl,
      unsubscribeUrl: unsubscribe,
      week,
      courses,
    });
    const { messageId } = await ctx.mailer.send({ to: user.email, ...mail, headers: unsubscribeHeaders(unsubscribe) });
    await recordDigestMessage(tx, key, messageId);
    return { sent: true, items: courses.length, messageId } as const;
  }, SEND_TRANSACTION);
}

// What a notification says and what a digest e-mail looks like. Pure: the
// caller resolves ids to titles and pseudonyms and passes a translator, so the
// same text appears on the page and in the mail, in the reader's language.
// Candidates appear by pseudonym only, also to consultants: e-mail travels
// through systems Jobbro does not control.
import type { TFunction } from "i18next";
import type { CourseDemand } from "~/modules/demand/types";

/** A notification with its ids resolved, ready to be put into words. */
export type NotificationView = {
  id: string;
  createdAt: Date;
  readAt: Date | null;
  path: string;
} & (
  | { kind: "new-match"; vacancyTitle: string; pseudonym: string; matchKind: "FULL" | "UPSKILLING" | "NEAR_MISS" }
  | { kind: "gone" }
);

type Translate = TFunction;

/** Where a notification leads. One place to change when vacancy and candidate pages exist. */
export function notificationPath(notificationId: string): string {
  return `/meddelelser#n-${notificationId}`;
}

export function describeNotification(t: Translate, view: NotificationView): string {
  if (view.kind === "gone") return t("notifications.newMatch.gone");
  return t(`notifications.newMatch.${view.matchKind}`, { vacancy: view.vacancyTitle, candidate: view.pseudonym });
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function absolute(appUrl: string, path: string): string {
  return new URL(path, appUrl).toString();
}

function layout(lang: string, paragraphs: string[], list: { text: string; url?: string }[], footer: { why: string; unsubscribeLabel: string; unsubscribeUrl: string }) {
  const items = list.map((i) => (i.url ? `<li><a href="${escapeHtml(i.url)}">${escapeHtml(i.text)}</a></li>` : `<li>${escapeHtml(i.text)}</li>`)).join("\n");
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"></head>
<body style="font-family: sans-serif; line-height: 1.5">
${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}
<ul>
${items}
</ul>
<hr>
<p style="font-size: small">${escapeHtml(footer.why)} <a href="${escapeHtml(footer.unsubscribeUrl)}">${escapeHtml(footer.unsubscribeLabel)}</a></p>
</body></html>`;
}

export interface DigestInput {
  language: string;
  recipientName: string;
  appUrl: string;
  unsubscribeUrl: string;
  notifications: NotificationView[];
}

export function renderNotificationDigest(t: Translate, input: DigestInput): RenderedMail {
  const items = input.notifications.map((n) => ({ text: describeNotification(t, n), url: absolute(input.appUrl, n.path) }));
  const inbox = absolute(input.appUrl, "/meddelelser");
  const greeting = t("notifications.digest.greeting", { name: input.recipientName });
  const footer = { why: t("notifications.digest.why"), unsubscribeLabel: t("notifications.digest.unsubscribe"), unsubscribeUrl: input.unsubscribeUrl };
  const text = [
    greeting,
    "",
    t("notifications.digest.intro"),
    "",
    ...items.map((i) => `- ${i.text}\n  ${i.url}`),
    "",
    `${t("notifications.digest.openAll")}: ${inbox}`,
    "",
    "--",
    footer.why,
    `${footer.unsubscribeLabel}: ${footer.unsubscribeUrl}`,
  ].join("\n");
  const html = layout(
    input.language,
    [escapeHtml(greeting), escapeHtml(t("notifications.digest.intro"))],
    items,
    footer,
  ).replace("</ul>", `</ul>\n<p><a href="${escapeHtml(inbox)}">${escapeHtml(t("notifications.digest.openAll"))}</a></p>`);
  return { subject: t("notifications.digest.subject", { count: items.length }), text, html };
}

export type { CourseDemand };

export interface DemandInput {
  language: string;
  recipientName: string;
  appUrl: string;
  unsubscribeUrl: string;
  week: string;
  courses: CourseDemand[];
}

export function renderCourseDemandDigest(t: Translate, input: DemandInput): RenderedMail {
  const lines = input.courses.map((c) => ({
    text: t("notifications.demand.course", { course: c.title, vacancies: c.openVacancies, candidates: c.candidates, gapVacancies: c.gapVacancies }),
  }));
  const courses = absolute(input.appUrl, "/uddannelse");
  const greeting = t("notifications.digest.greeting", { name: input.recipientName });
  const footer = { why: t("notifications.digest.why"), unsubscribeLabel: t("notifications.digest.unsubscribe"), unsubscribeUrl: input.unsubscribeUrl };
  const text = [
    greeting,
    "",
    t("notifications.demand.intro"),
    "",
    ...lines.map((l) => `- ${l.text}`),
    "",
    `${t("notifications.demand.open")}: ${courses}`,
    "",
    "--",
    footer.why,
    `${footer.unsubscribeLabel}: ${footer.unsubscribeUrl}`,
  ].join("\n");
  const html = layout(input.language, [escapeHtml(greeting), escapeHtml(t("notifications.demand.intro"))], lines, footer).replace(
    "</ul>",
    `</ul>\n<p><a href="${escapeHtml(courses)}">${escapeHtml(t("notifications.demand.open"))}</a></p>`,
  );
  return { subject: t("notifications.demand.subject", { week: input.week.split("-W")[1] ?? input.week }), text, html };
}

/** Headers every Jobbro mail carries so mail clients can offer one-click unsubscribe (RFC 2369, RFC 8058). */
export function unsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

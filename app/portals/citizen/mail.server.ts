// E-mails to citizens, sent by the worker (jobs citizenLink and
// introductionProposed; payloads hold ids only). Citizens have no language
// setting, so each mail is in Danish followed by English. Each job sends at
// most one mail and throws when SMTP does not accept it, so it is retried.
import { escapeHtml } from "~/modules/notifications/render";
import { mailTranslator } from "~/modules/notifications/i18n";
import type { Db } from "~/lib/db.server";
import type { Mailer } from "~/lib/mailer.server";
import type { Language } from "~/i18n/config";
import { citizenLinkUrl } from "./link.server";
import { findCandidateEmail, findIntroductionForMail } from "./repository.server";

export interface CitizenMailContext {
  db: Db;
  mailer: Mailer;
}

export type CitizenMailResult = { sent: true } | { sent: false; reason: string };

const LANGUAGES: Language[] = ["da", "en"];
const LOCALES: Record<Language, string> = { da: "da-DK", en: "en-GB" };

function formatMoment(value: Date, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Copenhagen" }).format(value);
}

/** Paragraphs per language, with the link placed after the paragraph at `linkAfter`. */
function render(paragraphs: (language: Language) => string[], linkAfter: number, url: string) {
  const text = LANGUAGES.map((lang) => {
    const p = paragraphs(lang);
    return [...p.slice(0, linkAfter + 1), url, ...p.slice(linkAfter + 1)].join("\n\n");
  }).join("\n\n---\n\n");
  const html = `<!doctype html><html><body style="font-family: sans-serif">${LANGUAGES.map((lang) => {
    const p = paragraphs(lang).map((line) => `<p>${escapeHtml(line).replace(/\n/g, "<br>")}</p>`);
    p.splice(linkAfter + 1, 0, `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`);
    return `<div lang="${lang}">${p.join("\n")}</div>`;
  }).join("\n<hr>\n")}</body></html>`;
  return { text, html };
}

export async function sendCitizenLinkMail(ctx: CitizenMailContext, candidateId: string, now = new Date()): Promise<CitizenMailResult> {
  const candidate = await findCandidateEmail(ctx.db, candidateId);
  if (!candidate) return { sent: false, reason: "no candidate" };
  if (!candidate.email) return { sent: false, reason: "no e-mail" };
  const { url, expiresAt } = citizenLinkUrl(candidateId, now);
  const { text, html } = render(
    (lang) => {
      const t = mailTranslator(lang);
      return [t("citizen.mail.linkIntro"), t("citizen.mail.linkExpiry", { at: formatMoment(expiresAt, lang) }), t("citizen.mail.linkIgnore"), t("citizen.mail.signature")];
    },
    0,
    url,
  );
  await ctx.mailer.send({
    to: candidate.email,
    subject: `${mailTranslator("da")("citizen.mail.linkSubject")} / ${mailTranslator("en")("citizen.mail.linkSubject")}`,
    text,
    html,
  });
  return { sent: true };
}

export async function sendIntroductionProposedMail(ctx: CitizenMailContext, contactRequestId: string, now = new Date()): Promise<CitizenMailResult> {
  const request = await findIntroductionForMail(ctx.db, contactRequestId);
  if (!request) return { sent: false, reason: "no request" };
  // Answered (or withdrawn) before the mail went out: nothing left to ask.
  if (request.status !== "PROPOSED") return { sent: false, reason: `request is ${request.status}` };
  if (!request.candidate.email) return { sent: false, reason: "no e-mail" };
  const { url, expiresAt } = citizenLinkUrl(request.candidateId, now);
  const values = { company: request.company.name, vacancy: request.vacancy.title };
  const { text, html } = render(
    (lang) => {
      const t = mailTranslator(lang);
      return [
        t("citizen.mail.proposedIntro", values),
        t("citizen.mail.proposedAction"),
        t("citizen.mail.linkExpiry", { at: formatMoment(expiresAt, lang) }),
        t("citizen.mail.signature"),
      ];
    },
    1,
    url,
  );
  await ctx.mailer.send({
    to: request.candidate.email,
    subject: `${mailTranslator("da")("citizen.mail.proposedSubject")} / ${mailTranslator("en")("citizen.mail.proposedSubject")}`,
    text,
    html,
  });
  return { sent: true };
}

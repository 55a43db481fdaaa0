// The invitation e-mail, in the inviter's language. Names are escaped for HTML.
import type { TFunction } from "i18next";
import type { OutgoingMail } from "~/lib/mailer.server";

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function invitationMail(t: TFunction, input: { to: string; link: string; organisation: string; inviter: string }): OutgoingMail {
  const vars = { organisation: input.organisation, inviter: input.inviter, interpolation: { escapeValue: false } };
  const body = t("company.colleagues.mail.body", vars);
  const action = t("company.colleagues.mail.action");
  const ignore = t("company.colleagues.mail.ignore");
  return {
    to: input.to,
    subject: t("company.colleagues.mail.subject", vars),
    text: `${body}\n\n${action}\n${input.link}\n\n${ignore}\n`,
    html: `<p>${escapeHtml(body)}</p><p>${escapeHtml(action)}<br><a href="${escapeHtml(input.link)}">${escapeHtml(input.link)}</a></p><p>${escapeHtml(ignore)}</p>`,
  };
}

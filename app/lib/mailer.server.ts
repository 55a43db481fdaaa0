// Outgoing e-mail through SMTP (SMTP_URL, MAIL_FROM). send() resolves only when
// the server accepted the message for every recipient and throws otherwise, so
// a job that sends mail is retried rather than marked done.
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "./env.server";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

export class MailNotAcceptedError extends Error {
  name = "MailNotAcceptedError";
}

export function createMailer(options: { url?: string; from?: string } = {}): Mailer {
  const env = getEnv();
  const transport: Transporter = nodemailer.createTransport({
    url: options.url ?? env.SMTP_URL,
    // Bounded waits: digest jobs hold a database transaction while they send.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  const from = options.from ?? env.MAIL_FROM;
  return {
    async send(mail) {
      const info = await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers });
      const accepted = info.accepted ?? [];
      const rejected = info.rejected ?? [];
      if (rejected.length > 0 || accepted.length === 0) {
        // No address in the message: recipients' addresses are personal data and logs are not the place.
        throw new MailNotAcceptedError(`The SMTP server did not accept the message (${rejected.length} recipient(s) rejected)`);
      }
      return { messageId: info.messageId };
    },
    close() {
      transport.close();
    },
  };
}

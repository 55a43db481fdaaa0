// In-memory keeping of the mails the development mail server received, read
// with mailparser (nodemailer's parser), with a way for tests to wait for a mail
// instead of sleeping.
import { simpleParser, type HeaderLines, type ParsedMail } from "mailparser";

export interface StoredMail {
  id: number;
  /** SMTP envelope: who the server was told the mail is from and to. */
  from: string;
  to: string[];
  subject: string;
  text: string | null;
  html: string | null;
  /** Header names in lower case; the first occurrence of each. */
  headers: Record<string, string>;
  raw: string;
  receivedAt: string;
}

type Waiter = { predicate: (mail: StoredMail) => boolean; resolve: (mail: StoredMail) => void };

/**
 * One string per header. mailparser decodes unstructured headers (Subject) and
 * addresses; the structured ones it splits into parts (Content-Type, the List-*
 * headers, Date) keep the text of their header line, unfolded.
 */
function headerTexts(parsed: ParsedMail): Record<string, string> {
  const headers: Record<string, string> = {};
  const lines: HeaderLines = parsed.headerLines;
  for (const { key, line } of lines) {
    if (key in headers) continue;
    const value = parsed.headers.get(key);
    if (typeof value === "string") headers[key] = value;
    else if (value && typeof value === "object" && "text" in value && typeof value.text === "string") headers[key] = value.text;
    else headers[key] = line.slice(line.indexOf(":") + 1).replace(/\r?\n(?=[ \t])/g, "").trim();
  }
  return headers;
}

export class MailStore {
  private mails: StoredMail[] = [];
  private nextId = 1;
  private waiters = new Set<Waiter>();
  /** Mails are read one after another, so that they are kept in the order they arrived. */
  private reading: Promise<unknown> = Promise.resolve();

  constructor(private readonly limit = 1000) {}

  add(envelope: { from: string; to: string[] }, raw: string): Promise<StoredMail> {
    const stored = this.reading.then(async () => {
      // Only the mail itself: no text made from HTML, no HTML made from text.
      const parsed = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true, skipTextLinks: true });
      return this.keep({
        id: this.nextId++,
        from: envelope.from,
        to: envelope.to,
        subject: parsed.subject ?? "",
        // mailparser gives "" for an HTML-only mail; null lets the mail page show the raw mail instead.
        text: parsed.text || null,
        html: parsed.html || null,
        headers: headerTexts(parsed),
        raw,
        receivedAt: new Date().toISOString(),
      });
    });
    this.reading = stored.catch(() => undefined);
    return stored;
  }

  private keep(mail: StoredMail): StoredMail {
    this.mails.push(mail);
    // A developer's server may run for days: keep the newest only.
    if (this.mails.length > this.limit) this.mails.splice(0, this.mails.length - this.limit);
    for (const waiter of this.waiters) {
      if (waiter.predicate(mail)) {
        this.waiters.delete(waiter);
        waiter.resolve(mail);
      }
    }
    return mail;
  }

  list(): StoredMail[] {
    return [...this.mails];
  }

  /** Mails whose envelope names the address (case-insensitive). */
  to(address: string): StoredMail[] {
    const wanted = address.toLowerCase();
    return this.mails.filter((m) => m.to.some((t) => t.toLowerCase() === wanted));
  }

  clear(): void {
    this.mails = [];
  }

  /** The first mail (already here or still to come) that satisfies the predicate. */
  waitFor(predicate: (mail: StoredMail) => boolean, timeoutMs = 15_000): Promise<StoredMail> {
    const existing = this.mails.find(predicate);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (mail) => {
          clearTimeout(timer);
          resolve(mail);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`No matching mail within ${timeoutMs} ms (${this.mails.length} received)`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }
}

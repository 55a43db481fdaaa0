// In-memory keeping of the mails the development mail server received, with a
// way for tests to wait for a mail instead of sleeping.
import { parseMail } from "./mime";

export interface StoredMail {
  id: number;
  /** SMTP envelope: who the server was told the mail is from and to. */
  from: string;
  to: string[];
  subject: string;
  text: string | null;
  html: string | null;
  headers: Record<string, string>;
  raw: string;
  receivedAt: string;
}

type Waiter = { predicate: (mail: StoredMail) => boolean; resolve: (mail: StoredMail) => void };

export class MailStore {
  private mails: StoredMail[] = [];
  private nextId = 1;
  private waiters = new Set<Waiter>();

  constructor(private readonly limit = 1000) {}

  add(envelope: { from: string; to: string[] }, raw: string): StoredMail {
    const parsed = parseMail(raw);
    const mail: StoredMail = {
      id: this.nextId++,
      from: envelope.from,
      to: envelope.to,
      subject: parsed.subject,
      text: parsed.text,
      html: parsed.html,
      headers: parsed.headers,
      raw,
      receivedAt: new Date().toISOString(),
    };
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

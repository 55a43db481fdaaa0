// A real SMTP server for development and tests (`npm run dev` starts one; tests
// start their own on a free port). It keeps what it receives in memory and shows
// it over HTTP: GET / lists the mails as a page, GET /messages.json as JSON.
// Nothing is ever delivered onwards, so demo data can never mail a real person.
//
//   tsx app/cli/mail-server.ts          SMTP on 127.0.0.1:1025, web on http://127.0.0.1:1080
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SMTPServer } from "smtp-server";
import { MailStore, type StoredMail } from "~/lib/mail-catcher/store";

export { MailStore, type StoredMail };

export const DEFAULT_SMTP_PORT = 1025;
export const DEFAULT_HTTP_PORT = 1080;

export interface MailServerOptions {
  /** 0 picks a free port (tests). */
  smtpPort?: number;
  /** Omit to run without the web page (tests); 0 picks a free port. */
  httpPort?: number;
  host?: string;
  /** Pass the store of a stopped server to keep its mails across a restart. */
  store?: MailStore;
  /** Largest accepted message in bytes. */
  maxSize?: number;
}

export interface MailServer {
  smtpPort: number;
  httpPort: number | null;
  /** smtp://host:port, ready for SMTP_URL. */
  smtpUrl: string;
  webUrl: string | null;
  store: MailStore;
  close(): Promise<void>;
}

function mailAddress(address: false | { address: string }): string {
  return address ? address.address : "";
}

export async function startMailServer(options: MailServerOptions = {}): Promise<MailServer> {
  const host = options.host ?? "127.0.0.1";
  const store = options.store ?? new MailStore();
  const maxSize = options.maxSize ?? 10 * 1024 * 1024;

  const smtp = new SMTPServer({
    banner: "Jobbro development mail server",
    authOptional: true,
    // Plain text on localhost only; there is nothing to protect and no certificate.
    disabledCommands: ["STARTTLS", "AUTH"],
    size: maxSize,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          callback(Object.assign(new Error("Message exceeds the size limit"), { responseCode: 552 }));
          return;
        }
        store
          .add({ from: mailAddress(session.envelope.mailFrom), to: session.envelope.rcptTo.map((r) => r.address) }, Buffer.concat(chunks).toString("utf8"))
          .then(
            () => callback(),
            (error: Error) => callback(error),
          );
      });
    },
  });
  smtp.on("error", () => undefined); // a client that disconnects mid-session is not our problem
  await new Promise<void>((resolve, reject) => {
    smtp.server.once("error", reject);
    smtp.listen(options.smtpPort ?? DEFAULT_SMTP_PORT, host, () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  let http: HttpServer | null = null;
  let httpPort: number | null = null;
  if (options.httpPort !== undefined) {
    http = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (req.method === "GET" && url.pathname === "/messages.json") {
        res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
        res.end(JSON.stringify(store.list()));
      } else if (req.method === "GET" && url.pathname === "/") {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end(renderInbox(store.list()));
      } else if (req.method === "GET" && /^\/messages\/\d+\.html$/.test(url.pathname)) {
        const mail = store.list().find((m) => m.id === Number(url.pathname.match(/\d+/)![0]));
        // The mail's own HTML, sandboxed: no scripts, no same-origin access.
        res.writeHead(mail?.html ? 200 : 404, { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": "sandbox" });
        res.end(mail?.html ?? "Not found");
      } else if (req.method === "POST" && url.pathname === "/clear") {
        store.clear();
        res.writeHead(303, { Location: "/" });
        res.end();
      } else {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
        res.end("Not found");
      }
    });
    const server = http;
    try {
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.httpPort, host, () => resolve());
      });
    } catch (error) {
      // Free the SMTP port again, so that the caller can try once more.
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      throw error;
    }
    httpPort = (server.address() as AddressInfo).port;
  }

  return {
    smtpPort,
    httpPort,
    smtpUrl: `smtp://${host}:${smtpPort}`,
    webUrl: httpPort === null ? null : `http://${host}:${httpPort}/`,
    store,
    async close() {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      if (http) {
        const server = http;
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function renderInbox(mails: StoredMail[]): string {
  const items = mails
    .slice()
    .reverse()
    .map(
      (m) => `<article>
  <h2>${escapeHtml(m.subject || "(no subject)")}</h2>
  <p><strong>To:</strong> ${escapeHtml(m.to.join(", "))} · <strong>From:</strong> ${escapeHtml(m.from)} · <time>${escapeHtml(m.receivedAt)}</time>${
    m.html ? ` · <a href="/messages/${m.id}.html">HTML</a>` : ""
  }</p>
  <pre>${escapeHtml(m.text ?? m.raw)}</pre>
</article>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Jobbro mail (${mails.length})</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}article{border-top:1px solid #ccc;padding:.5rem 0}pre{white-space:pre-wrap;background:#f5f5f5;padding:.5rem}</style>
</head><body>
<h1>Mail received by the development server (${mails.length})</h1>
<p><a href="/messages.json">JSON</a></p>
<form method="post" action="/clear"><button type="submit">Delete all</button></form>
${items || "<p>No mail yet.</p>"}
</body></html>`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await startMailServer({ smtpPort: DEFAULT_SMTP_PORT, httpPort: DEFAULT_HTTP_PORT });
  console.log(`Mail server: SMTP ${server.smtpUrl}, read the mails at ${server.webUrl}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

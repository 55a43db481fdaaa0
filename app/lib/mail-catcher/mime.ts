// A minimal MIME reader for the development mail server: enough of RFC 2045–2047
// to show developers (and tests) the subject and the text and HTML bodies of the
// mails Jobbro sends through nodemailer. It is not a general-purpose parser
// (mailparser is not a dependency), and nothing in production relies on it.

export interface ParsedMail {
  /** Header names in lower case; the first occurrence of each, unfolded and decoded. */
  headers: Record<string, string>;
  subject: string;
  text: string | null;
  html: string | null;
}

interface Part {
  headers: Record<string, string>;
  body: string;
}

function splitHeadersAndBody(raw: string): Part {
  const match = /\r?\n\r?\n/.exec(raw);
  const head = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : "";
  const headers: Record<string, string> = {};
  // Folded header lines continue with whitespace (RFC 5322 2.2.3).
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/);
  for (const line of unfolded) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!(name in headers)) headers[name] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function decodeBytes(bytes: Buffer, charset: string | undefined): string {
  try {
    return new TextDecoder(charset?.toLowerCase() || "utf-8").decode(bytes);
  } catch {
    return bytes.toString("utf8"); // an unknown charset: show what we can
  }
}

export function decodeQuotedPrintable(input: string): Buffer {
  const softBreaksRemoved = input.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < softBreaksRemoved.length; i++) {
    const ch = softBreaksRemoved[i];
    const hex = softBreaksRemoved.slice(i + 1, i + 3);
    if (ch === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      for (const b of Buffer.from(ch, "utf8")) bytes.push(b);
    }
  }
  return Buffer.from(bytes);
}

/** Decodes RFC 2047 encoded words ("=?UTF-8?Q?K=C3=B8ge?=") in a header value. */
export function decodeEncodedWords(value: string): string {
  // Whitespace between two adjacent encoded words is not part of the text (RFC 2047 6.2).
  const joined = value.replace(/(=\?[^?]+\?[QqBb]\?[^?]*\?=)\s+(?==\?[^?]+\?[QqBb]\?[^?]*\?=)/g, "$1");
  return joined.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_all, charset: string, encoding: string, text: string) => {
    const bytes = encoding.toUpperCase() === "B" ? Buffer.from(text, "base64") : decodeQuotedPrintable(text.replace(/_/g, " "));
    return decodeBytes(bytes, charset.split("*")[0]);
  });
}

/** "text/plain; charset=utf-8" → { type: "text/plain", params: { charset: "utf-8" } } */
export function parseContentType(value: string | undefined): { type: string; params: Record<string, string> } {
  const [type = "text/plain", ...rest] = (value ?? "text/plain").split(";");
  const params: Record<string, string> = {};
  for (const param of rest) {
    const eq = param.indexOf("=");
    if (eq <= 0) continue;
    params[param.slice(0, eq).trim().toLowerCase()] = param.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1");
  }
  return { type: type.trim().toLowerCase(), params };
}

function decodeBody(part: Part, charset: string | undefined): string {
  const encoding = (part.headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  if (encoding === "quoted-printable") return decodeBytes(decodeQuotedPrintable(part.body), charset);
  if (encoding === "base64") return decodeBytes(Buffer.from(part.body.replace(/\s+/g, ""), "base64"), charset);
  return part.body;
}

function collectBodies(part: Part, found: { text: string | null; html: string | null }, depth = 0): void {
  const { type, params } = parseContentType(part.headers["content-type"]);
  if (type.startsWith("multipart/") && params.boundary && depth < 10) {
    const delimiter = `--${params.boundary}`;
    const sections = part.body.split(delimiter).slice(1); // before the first delimiter is the preamble
    for (const section of sections) {
      if (section.startsWith("--")) break; // the closing delimiter
      collectBodies(splitHeadersAndBody(section.replace(/^\r?\n/, "").replace(/\r?\n$/, "")), found, depth + 1);
    }
    return;
  }
  if (/attachment/i.test(part.headers["content-disposition"] ?? "")) return;
  if (type === "text/plain" && found.text === null) found.text = decodeBody(part, params.charset);
  if (type === "text/html" && found.html === null) found.html = decodeBody(part, params.charset);
}

export function parseMail(raw: string): ParsedMail {
  const root = splitHeadersAndBody(raw);
  const headers = Object.fromEntries(Object.entries(root.headers).map(([k, v]) => [k, decodeEncodedWords(v)]));
  const found = { text: null as string | null, html: null as string | null };
  collectBodies(root, found);
  return { headers, subject: headers.subject ?? "", text: found.text, html: found.html };
}

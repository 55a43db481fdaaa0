import { describe, expect, it } from "vitest";
import { decodeEncodedWords, decodeQuotedPrintable, parseMail } from "./mime";

describe("reading mails", () => {
  it("decodes encoded-word headers, also split over several words", () => {
    expect(decodeEncodedWords("=?UTF-8?Q?K=C3=B8ge_Havn?=")).toBe("Køge Havn");
    expect(decodeEncodedWords("=?UTF-8?B?w6bDuMOl?= =?UTF-8?Q?_og_mere?=")).toBe("æøå og mere");
    expect(decodeEncodedWords("plain")).toBe("plain");
  });

  it("decodes quoted-printable with soft line breaks", () => {
    expect(decodeQuotedPrintable("https://x.dk/a=3Db=\r\n/c =C3=A6").toString("utf8")).toBe("https://x.dk/a=b/c æ");
  });

  it("finds the text and HTML parts of a multipart/alternative mail", () => {
    const raw = [
      "Subject: =?UTF-8?Q?Hej_=C3=A6?=",
      "Content-Type: multipart/alternative;",
      ' boundary="--b1"',
      "",
      "preamble",
      "----b1",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      "Linje =C3=B8",
      "----b1",
      "Content-Type: text/html; charset=utf-8",
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from("<p>å</p>").toString("base64"),
      "----b1--",
      "",
    ].join("\r\n");
    const mail = parseMail(raw);
    expect(mail.subject).toBe("Hej æ");
    expect(mail.text).toBe("Linje ø");
    expect(mail.html).toBe("<p>å</p>");
    expect(mail.headers["content-type"]).toContain("multipart/alternative");
  });
});

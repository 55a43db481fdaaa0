import { describe, expect, it } from "vitest";
import { MailStore } from "./store";

const envelope = { from: "noreply@jobbro.local", to: ["a@example.dk"] };

const multipart = [
  "Subject: =?UTF-8?Q?Hej_=C3=A6?= =?UTF-8?B?w6bDuMOl?=",
  "List-Unsubscribe: <https://jobbro.test/afmeld/t>",
  "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
  "Content-Type: multipart/alternative;",
  ' boundary="--b1"',
  "",
  "preamble",
  "----b1",
  "Content-Type: text/plain; charset=utf-8",
  "Content-Transfer-Encoding: quoted-printable",
  "",
  "Linje =C3=B8 https://x.dk/a=3Db=",
  "/c",
  "----b1",
  "Content-Type: text/html; charset=utf-8",
  "Content-Transfer-Encoding: base64",
  "",
  Buffer.from("<p>å</p>").toString("base64"),
  "----b1--",
  "",
].join("\r\n");

describe("the mail store", () => {
  it("reads the subject, the text and HTML parts and the headers of a mail", async () => {
    const mail = await new MailStore().add(envelope, multipart);
    expect(mail.subject).toBe("Hej ææøå");
    expect(mail.text?.trim()).toBe("Linje ø https://x.dk/a=b/c");
    expect(mail.html).toBe("<p>å</p>");
    expect(mail.headers["content-type"]).toContain("multipart/alternative");
    expect(mail.headers["list-unsubscribe"]).toBe("<https://jobbro.test/afmeld/t>");
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  });

  it("has no HTML for a plain-text mail, and keeps mails in the order they came", async () => {
    const store = new MailStore();
    const [first, second] = await Promise.all([
      store.add(envelope, "Subject: one\r\n\r\nfirst\r\n"),
      store.add({ ...envelope, to: ["B@example.dk"] }, "Subject: two\r\n\r\nsecond\r\n"),
    ]);
    expect(first.html).toBeNull();
    expect(store.list().map((m) => [m.id, m.subject])).toEqual([
      [first.id, "one"],
      [second.id, "two"],
    ]);
    expect(store.to("b@example.dk")).toEqual([second]);
  });

  it("lets a test wait for a mail still to come", async () => {
    const store = new MailStore();
    const waiting = store.waitFor((m) => m.subject === "later", 5_000);
    await store.add(envelope, "Subject: later\r\n\r\nx\r\n");
    expect((await waiting).subject).toBe("later");
  });
});

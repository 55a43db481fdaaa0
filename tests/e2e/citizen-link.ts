// The citizen's personal link, read from the e2e mail server (tests/e2e/serve.ts,
// E2E_MAIL_WEB) after they asked for it on /borger. Shared by the specs that
// open the citizen page.
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** The e2e mail server's web side. */
export const MAIL_WEB = "http://127.0.0.1:1180";

/** The path of the newest link mailed to `to` (waits for the mail). */
export async function linkFromMail(page: Page, to: string): Promise<string> {
  let link: string | null = null;
  await expect(async () => {
    const mails = (await (await page.request.get(`${MAIL_WEB}/messages.json`)).json()) as { to: string[]; text: string | null }[];
    const mail = mails.reverse().find((m) => m.to.includes(to));
    link = mail?.text?.match(/https?:\/\/\S+\/borger\/[\w-]+\.[\w-]+/)?.[0] ?? null;
    expect(link).not.toBeNull();
  }).toPass({ timeout: 20_000 });
  // APP_URL is localhost; the browser talks to 127.0.0.1: keep the path.
  return new URL(link!).pathname;
}

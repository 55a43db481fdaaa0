// The citizen's insight: ask for the link on /borger, read it from the e2e mail
// server (tests/e2e/serve.ts), open the page, download the JSON, approve an
// introduction, withdraw a consent and reach the erasure confirmation; plus the
// operators' maintenance page. Every main page passes axe and is kept as a
// screenshot (tests/artifacts/screenshots/citizen-*.png).
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/seed/demo-users";
import { linkFromMail } from "./citizen-link";
import { expect, test } from "./fixtures";

const DATABASE_URL = `${process.env.TEST_DATABASE_BASE_URL ?? "postgresql://postgres@127.0.0.1:5432"}/jobbro_e2e`;
const shot = (name: string) => `tests/artifacts/screenshots/citizen-${name}.png`;
const id = () => `e2e${randomBytes(8).toString("hex")}`;
const email = `borger.${randomBytes(4).toString("hex")}@borger-e2e.dk`;
const company = DEMO_USERS.find((u) => u.role === "company")!.organisation;

// The tampered link answers 400, which Chromium notes in the console.
test.use({ allowedConsoleErrors: [/status of 400/] });

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ jobcentreId: string; vacancyId: string; companyId: string }>(
      `SELECT j."id" AS "jobcentreId", v."id" AS "vacancyId", v."organisationId" AS "companyId"
       FROM "Organisation" j, "Vacancy" v WHERE j."name" = 'Jobcenter Aarhus' AND v."title" = 'Tømrer' LIMIT 1`,
    );
    const { jobcentreId, vacancyId, companyId } = rows[0]!;
    const candidateId = id();
    await client.query(
      `INSERT INTO "Candidate" ("id", "jobcentreId", "pseudonym", "firstName", "lastName", "email", "phone", "postalCode", "city", "latitude", "longitude", "availableFrom", "updatedAt")
       VALUES ($1, $2, $3, 'Birthe', 'Borgersen', $4, '+45 11 22 33 44', '8000', 'Aarhus C', 56.1567, 10.2108, now(), now())`,
      [candidateId, jobcentreId, `Kandidat ${candidateId.slice(-6).toUpperCase()}`, email],
    );
    for (const purpose of ["MATCHING", "EMAIL_NOTIFICATIONS"]) {
      await client.query(`INSERT INTO "Consent" ("id", "candidateId", "purpose", "channel") VALUES ($1, $2, $3, 'IN_PERSON')`, [id(), candidateId, purpose]);
    }
    await client.query(
      `INSERT INTO "ContactRequest" ("id", "companyId", "vacancyId", "candidateId", "status", "proposedAt") VALUES ($1, $2, $3, $4, 'PROPOSED', now())`,
      [id(), companyId, vacancyId, candidateId],
    );
    await client.query(
      `INSERT INTO "AuditEvent" ("actorOrgId", "candidateId", "action", "resource", "reason") VALUES ($1, $2, 'READ', 'candidate', 'kandidatsamtale')`,
      [jobcentreId, candidateId],
    );
  } finally {
    await client.end();
  }
});

test("a citizen gets their link by e-mail, sees and downloads their data, approves an introduction and withdraws a consent", async ({ page, expectAccessible }) => {
  // Five pages with axe checks on a shared two-core machine.
  test.setTimeout(90_000);
  await page.goto("/borger");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Se dine data i Jobbro");
  await expectAccessible(page, "the link request page");
  await page.screenshot({ path: shot("request"), fullPage: true });

  await page.getByLabel("Din e-mail").fill(email);
  await page.getByRole("button", { name: "Send mig et link" }).click();
  await expect(page.getByRole("status")).toContainText("Hvis vi kender adressen");

  const path = await linkFromMail(page, email);
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dine data i Jobbro");
  await expect(page.getByTestId("citizen-profile")).toContainText("Birthe Borgersen");
  await expect(page.getByTestId("citizen-access-log")).toContainText("Jobcenter Aarhus");
  await expect(page.getByTestId("citizen-access-log")).toContainText("Dig");
  await expectAccessible(page, "the citizen's page");
  await page.screenshot({ path: shot("page"), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("citizen-download").click()]);
  expect(download.suggestedFilename()).toMatch(/^jobbro-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile((await download.path())!, "utf8")) as { profile: { email: string }; consents: unknown[] };
  expect(data.profile.email).toBe(email);
  expect(data.consents).toHaveLength(2);

  await page.getByRole("button", { name: `Ja, del mine oplysninger med ${company}` }).click();
  await expect(page.getByRole("status").first()).toContainText("Virksomheden får nu dine kontaktoplysninger");
  await expect(page.getByTestId("citizen-introductions")).toContainText("Du sagde ja");

  const row = page.locator('tr[data-consent-purpose="EMAIL_NOTIFICATIONS"]');
  await row.getByRole("button", { name: /Træk samtykket/ }).click();
  await expect(page.getByRole("status").first()).toContainText("Samtykket er trukket tilbage");
  await expect(row).toHaveAttribute("data-active", "false");
  await expect(row).toContainText("Trukket tilbage");

  await page.getByTestId("erasure-start").click();
  await expect(page.getByLabel(/Jeg forstår, at alle mine oplysninger/)).toBeVisible();
  await page.getByRole("button", { name: "Ja, slet mine data" }).click();
  await expect(page.locator(".form-error-message")).toContainText("Sæt kryds for at bekræfte sletningen");
  await expectAccessible(page, "the erasure confirmation");
  await page.screenshot({ path: shot("erasure"), fullPage: true });

  await page.goto(`${path.slice(0, -3)}xyz`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Linket virker ikke");
  await expectAccessible(page, "the invalid link page");
  await page.screenshot({ path: shot("invalid-link"), fullPage: true });
});

test("an operator sees the maintenance runs as counts", async ({ page, expectAccessible }) => {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(DEMO_USERS.find((u) => u.role === "operator")!.email);
  await page.getByLabel("Adgangskode").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log på", exact: true }).click();
  await expect(page).toHaveURL(/\/drift$/);
  await page.goto("/drift/vedligehold");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vedligehold");
  await expect(page.getByTestId("maintenance-erasures")).toContainText("Borgeren");
  await expectAccessible(page, "the maintenance page");
  await page.screenshot({ path: shot("maintenance"), fullPage: true });
});

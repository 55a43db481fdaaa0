// The business consultant's day: find a candidate, open the profile, move the
// candidate through a vacancy's pipeline to interview and hired, and see the
// hire in the jobcentre's figures; every main page passes axe and is kept as a
// screenshot (tests/artifacts/screenshots/consultant-*.png).
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/seed/demo-users";
import { expect, test } from "./fixtures";

const DATABASE_URL = `${process.env.TEST_DATABASE_BASE_URL ?? "postgresql://postgres@127.0.0.1:5432"}/jobbro_e2e`;
const shot = (name: string) => `tests/artifacts/screenshots/consultant-${name}.png`;
const id = () => `e2e${randomBytes(8).toString("hex")}`;

/**
 * The e2e seed (tests/e2e/serve.ts) has the consultant's candidate and a served
 * company's vacancy; a stored match between them and the company's request for
 * an introduction are what the matcher and the company would otherwise add.
 */
test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ vacancyId: string; candidateId: string; companyId: string }>(
      `SELECT v."id" AS "vacancyId", c."id" AS "candidateId", v."organisationId" AS "companyId"
       FROM "Vacancy" v, "Candidate" c WHERE v."title" = 'Tømrer' AND c."pseudonym" = 'Kandidat E2E-1' LIMIT 1`,
    );
    const { vacancyId, candidateId, companyId } = rows[0];
    await client.query(
      `INSERT INTO "Match" ("id", "vacancyId", "candidateId", "kind", "score", "explanation", "updatedAt")
       VALUES ($1, $2, $3, 'FULL', 87, '{}', now()) ON CONFLICT ("vacancyId", "candidateId") DO UPDATE SET "status" = 'SUGGESTED'`,
      [id(), vacancyId, candidateId],
    );
    await client.query(
      `INSERT INTO "ContactRequest" ("id", "companyId", "vacancyId", "candidateId", "message") VALUES ($1, $2, $3, $4, $5)`,
      [id(), companyId, vacancyId, candidateId, "Vi vil gerne invitere til en samtale."],
    );
  } finally {
    await client.end();
  }
});

async function logInAsConsultant(page: Page) {
  const user = DEMO_USERS.find((u) => u.role === "consultant")!;
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Adgangskode").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log på", exact: true }).click();
  await expect(page).toHaveURL(/\/jobcenter$/);
}

const hiredThisMonth = (page: Page) => page.getByTestId("outcome-figures").locator('tr[data-outcome="HIRED"] td[data-period="month"]');

test("a consultant moves a candidate to interview and hired, and the hire counts in the overview", async ({ page, expectAccessible }) => {
  // Five axe runs and five full-page screenshots on a shared two-core machine.
  test.setTimeout(120_000);
  await logInAsConsultant(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Jobcenter: /);
  const hiredBefore = Number(await hiredThisMonth(page).innerText());
  await expectAccessible(page, "the consultant overview");
  await page.screenshot({ path: shot("overview"), fullPage: true });

  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Kandidater" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kandidater");
  await page.getByLabel("Søg efter navn, e-mail eller pseudonym").fill("Test Kandidat");
  await page.getByRole("button", { name: "Søg", exact: true }).click();
  await expect(page).toHaveURL(/q=Test\+Kandidat/);
  const row = page.getByTestId("candidate-list").getByRole("row", { name: /Kandidat E2E-1/ });
  await expect(row).toBeVisible();
  await expectAccessible(page, "the candidate list");
  await page.screenshot({ path: shot("candidates"), fullPage: true });

  await row.getByRole("link", { name: "Test Kandidat" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Test Kandidat");
  // The view itself is in the candidate's access log.
  await expect(page.getByTestId("audit-log")).toContainText("consultant profile view");
  await expectAccessible(page, "the candidate profile");
  await page.screenshot({ path: shot("candidate-profile"), fullPage: true });

  await page.getByTestId("candidate-matches").getByRole("link", { name: "Tømrer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tømrer");
  const card = page.locator('[data-candidate="Kandidat E2E-1"]');
  await card.getByLabel("Flyt til").selectOption("INTERVIEW");
  await card.getByLabel("Note (valgfri)").fill("Samtale aftalt");
  await card.getByRole("button", { name: "Flyt", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("Kandidaten er flyttet til Samtale");
  await expect(page.locator('section[data-stage="INTERVIEW"]')).toContainText("Kandidat E2E-1");

  const moved = page.locator('[data-candidate="Kandidat E2E-1"]');
  await moved.getByLabel("Flyt til").selectOption("HIRED");
  await moved.getByRole("button", { name: "Flyt", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("Kandidaten er flyttet til Ansat");
  const hired = page.locator('section[data-stage="HIRED"] [data-candidate="Kandidat E2E-1"]');
  await hired.getByText("Historik").click();
  await expect(hired.getByTestId("match-history")).toContainText("Samtale → Ansat");
  await expect(hired.getByTestId("match-history")).toContainText("Samtale aftalt");
  await expectAccessible(page, "the vacancy pipeline");
  await page.screenshot({ path: shot("vacancy-pipeline"), fullPage: true });

  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Henvendelser" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Henvendelser");
  await expect(page.getByTestId("inbox")).toContainText("Vi vil gerne invitere til en samtale.");
  await expectAccessible(page, "the inbox");
  await page.screenshot({ path: shot("inbox"), fullPage: true });

  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Overblik" }).click();
  await expect(hiredThisMonth(page)).toHaveText(String(hiredBefore + 1));
});

// The institution imports a course catalogue (a row error first, then a valid
// file) and sees the demand; the operator's organisations and users pages. Each
// main page is checked with axe and kept as a screenshot.
import path from "node:path";
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS, type DemoUserRole } from "../../prisma/seed/demo-users";
import { createPrismaClient } from "~/lib/db.server";
import { expect, test } from "./fixtures";

const SHOTS = "tests/artifacts/screenshots";
const FIXTURES = path.resolve("tests/fixtures/catalogue");
const PG_BASE = process.env.TEST_DATABASE_BASE_URL ?? "postgresql://postgres@127.0.0.1:5432";

async function logIn(page: Page, role: DemoUserRole) {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo ${role}`);
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Adgangskode").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log på", exact: true }).click();
}

// The e2e server seeds users but no taxonomy: the skills and place the fixture
// catalogue names, and an open vacancy requiring one of them, are added here.
test.beforeAll(async () => {
  const db = createPrismaClient(`${PG_BASE}/jobbro_e2e`);
  try {
    await db.postalCode.upsert({ where: { code: "8000" }, create: { code: "8000", name: "Aarhus C", latitude: 56.1567, longitude: 10.2108 }, update: {} });
    const scaffold = await db.skill.upsert({ where: { key: "e2e:scaffold" }, create: { key: "e2e:scaffold", labelEn: "erect scaffolding", labelDa: "opstille stillads" }, update: {} });
    await db.skill.upsert({ where: { key: "e2e:crane" }, create: { key: "e2e:crane", labelEn: "operate crane", labelDa: "betjene kran" }, update: {} });
    const untaught = await db.skill.upsert({ where: { key: "e2e:untaught" }, create: { key: "e2e:untaught", labelEn: "read blueprints", labelDa: "læse tegninger" }, update: {} });
    const company = await db.organisation.findFirstOrThrow({ where: { kind: "COMPANY" }, select: { id: true } });
    if (!(await db.vacancy.count({ where: { title: "E2E Stilladsarbejder" } }))) {
      await db.vacancy.create({
        data: {
          organisationId: company.id,
          title: "E2E Stilladsarbejder",
          postalCode: "8000",
          latitude: 56.1567,
          longitude: 10.2108,
          startDate: new Date(Date.now() + 60 * 86_400_000),
          skills: { create: [{ skillId: scaffold.id, requirement: "REQUIRED" }, { skillId: untaught.id, requirement: "REQUIRED" }] },
        },
      });
    }
  } finally {
    await db.$disconnect();
  }
});

test.describe("the institution portal", () => {
  // The browser notes the 400 answer to a refused import in the console.
  test.use({ allowedConsoleErrors: [/status of 400/] });

  test("imports a catalogue, reporting a bad row first, and sees the demand", async ({ page, expectAccessible }) => {
    test.setTimeout(120_000);
    await logIn(page, "institution");
    await expect(page).toHaveURL(/\/uddannelse$/);

    await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Importér katalog" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Importér kursuskatalog");
    await page.getByLabel("CSV-fil").setInputFiles(path.join(FIXTURES, "bad-row.csv"));
    await page.getByRole("button", { name: "Importér" }).click();
    const errors = page.getByTestId("import-errors");
    await expect(errors).toContainText("Filen blev ikke importeret");
    await expect(errors.locator("tr[data-line='2']")).toContainText("Slutdatoen ligger før startdatoen");
    await expectAccessible(page, "the import page with a row error");
    await page.screenshot({ path: `${SHOTS}/institution-import.png`, fullPage: true });

    await page.getByLabel("CSV-fil").setInputFiles(path.join(FIXTURES, "valid.csv"));
    await page.getByRole("button", { name: "Importér" }).click();
    await expect(page.getByTestId("import-summary")).toContainText("2 kurser oprettet, 0 opdateret og 3 afholdelser tilføjet fra 3 linjer");

    await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Kurser" }).click();
    await expect(page.getByTestId("courses")).toContainText("E2E Stilladsmontage");
    await expectAccessible(page, "the courses page");
    await page.screenshot({ path: `${SHOTS}/institution-courses.png`, fullPage: true });

    await page.getByRole("link", { name: "E2E Stilladsmontage" }).click();
    await expect(page.getByTestId("offerings").locator("tbody tr")).toHaveCount(2);
    await expectAccessible(page, "a course page");

    await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Efterspørgsel" }).click();
    const row = page.getByTestId("course-demand").locator("tr", { hasText: "E2E Stilladsmontage" });
    await expect(row.locator("td").first()).toHaveText("1");
    await expect(page.getByTestId("untaught-skills")).toContainText("læse tegninger");
    await expectAccessible(page, "the demand page");
    await page.screenshot({ path: `${SHOTS}/institution-demand.png`, fullPage: true });
  });
});

test("the operator's organisations and users pages", async ({ page, expectAccessible }) => {
  await logIn(page, "operator");
  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Organisationer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Organisationer");
  await expect(page.getByTestId("organisations")).toContainText("AMU Nordjylland");
  await expectAccessible(page, "the organisations page");
  await page.screenshot({ path: `${SHOTS}/operator-organisations.png`, fullPage: true });

  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Brugere" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Brugere");
  await expect(page.getByTestId("users")).toContainText("uddannelse@jobbro.demo");
  await expect(page.locator("main")).not.toContainText("Kandidat E2E-1");
  await expectAccessible(page, "the users page");
  await page.screenshot({ path: `${SHOTS}/operator-users.png`, fullPage: true });
});

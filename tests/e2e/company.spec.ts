// The company's day: log in, post a vacancy through the wizard – choosing the
// occupation with the keyboard alone in the autocomplete – and find it in the
// list. Every main page passes axe and is kept as a screenshot
// (tests/artifacts/screenshots/company-*.png).
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/seed/demo-users";
import { expect, test } from "./fixtures";

const DATABASE_URL = `${process.env.TEST_DATABASE_BASE_URL ?? "postgresql://postgres@127.0.0.1:5432"}/jobbro_e2e`;
/** The e2e Meilisearch (tests/e2e/serve.ts). */
const E2E_MEILI_URL = "http://127.0.0.1:7702";
const E2E_MEILI_MASTER_KEY = "jobbro-e2e-master-key-0123456789";
const shot = (name: string) => `tests/artifacts/screenshots/company-${name}.png`;
const id = () => `e2e${randomBytes(8).toString("hex")}`;
/**
 * Meilisearch keeps its data between e2e runs while the database is new each
 * time: the occupation gets a label of its own, so that stale documents of an
 * earlier run are never the one picked.
 */
const occupationLabel = `svejser ${randomBytes(3).toString("hex").replace(/[0-9]/g, "k")}`;

/**
 * The e2e seed has no taxonomy or geography: one occupation with its skills and
 * the workplace's postcode are added here. Their outbox rows let the worker put
 * the occupation into Meilisearch, and the test waits for that (searchable()).
 */
test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "PostalCode" ("code", "name", "latitude", "longitude") VALUES ('8000', 'Aarhus C', 56.1567, 10.2108) ON CONFLICT ("code") DO NOTHING`,
    );
    const occupationId = id();
    const skills = [
      [id(), "svejse metaller", "weld metals", "ESSENTIAL"],
      [id(), "læse tekniske tegninger", "read technical drawings", "ESSENTIAL"],
      [id(), "følge sikkerhedsregler", "follow safety rules", "OPTIONAL"],
    ] as const;
    await client.query(
      `INSERT INTO "Occupation" ("id", "escoUri", "labelEn", "labelDa", "altLabelsEn", "altLabelsDa", "updatedAt") VALUES ($1, $2, 'welder', $3, '{}', '{}', now())`,
      [occupationId, `http://example.test/occupation/${occupationId}`, occupationLabel],
    );
    for (const [skillId, labelDa, labelEn, relation] of skills) {
      await client.query(
        `INSERT INTO "Skill" ("id", "key", "labelEn", "labelDa", "altLabelsEn", "altLabelsDa", "updatedAt") VALUES ($1, $2, $3, $4, '{}', '{}', now())`,
        [skillId, `e2e:${skillId}`, labelEn, labelDa],
      );
      await client.query(`INSERT INTO "OccupationSkill" ("occupationId", "skillId", "relation") VALUES ($1, $2, $3)`, [occupationId, skillId, relation]);
      await client.query(`INSERT INTO "OutboxEvent" ("topic", "aggregateId") VALUES ('skill.changed', $1)`, [skillId]);
    }
    await client.query(`INSERT INTO "OutboxEvent" ("topic", "aggregateId") VALUES ('occupation.changed', $1)`, [occupationId]);
    await searchable(occupationId);
  } finally {
    await client.end();
  }
});

/**
 * Waits until the worker has put the occupation into Meilisearch. The test
 * types the whole title at once, and the picker asks once: asked before the
 * document is there, it would show what an earlier run left in the index.
 */
async function searchable(occupationId: string): Promise<void> {
  await expect(async () => {
    const res = await fetch(`${E2E_MEILI_URL}/indexes/e2e_occupations/documents/${occupationId}`, {
      headers: { Authorization: `Bearer ${E2E_MEILI_MASTER_KEY}` },
    });
    expect(res.status).toBe(200);
  }).toPass({ timeout: 30_000, intervals: [200, 500] });
}

async function logInAsCompany(page: Page) {
  const user = DEMO_USERS.find((u) => u.role === "company")!;
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Adgangskode").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log på", exact: true }).click();
  await expect(page).toHaveURL(/\/virksomhed$/);
}

test("a company posts a vacancy through the wizard and sees it in its list", async ({ page, expectAccessible }) => {
  // Three axe runs and a matching-triggering save on a shared two-core machine.
  test.setTimeout(120_000);
  const title = `Svejser til værkstedet ${randomBytes(2).toString("hex")}`;
  await logInAsCompany(page);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Virksomhed:");
  await expectAccessible(page, "the company overview");
  await page.screenshot({ path: shot("overview"), fullPage: true });

  await page.getByRole("link", { name: "Opret stilling" }).first().click();
  await expect(page).toHaveURL(/\/virksomhed\/stillinger\/ny$/);
  await expectAccessible(page, "the wizard's first step");

  // The occupation, with the keyboard only.
  const combobox = page.getByRole("combobox", { name: "Stillingsbetegnelse" });
  await combobox.focus();
  await expect(combobox).toHaveAttribute("aria-expanded", "false");
  await combobox.pressSequentially(occupationLabel, { delay: 40 });
  const option = page.getByRole("option").first();
  await expect(option).toHaveText(occupationLabel, { timeout: 15_000 });
  await expect(combobox).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("ArrowDown");
  await expect(option).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(combobox).toHaveValue(occupationLabel);
  await expect(combobox).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Videre" })).toBeFocused();
  await page.keyboard.press("Enter");

  // Step 2: the occupation's skills are proposed and ticked.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Beskriv stillingen");
  await expect(page.getByRole("checkbox", { name: "svejse metaller" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "læse tekniske tegninger" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "følge sikkerhedsregler" })).toBeChecked();
  await page.getByLabel("Titel").fill(title);
  await page.getByLabel("Arbejdsstedets postnummer").fill("8000");
  await page.getByLabel("Startdato").fill("2027-03-01");
  await expectAccessible(page, "the wizard's second step");
  await page.screenshot({ path: shot("wizard"), fullPage: true });
  await page.getByRole("button", { name: "Opret stilling" }).click();

  // The match page of the new vacancy.
  await expect(page).toHaveURL(/\/virksomhed\/stillinger\/[^/]+\?oprettet=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Kandidater til ${title}`);
  await expect(page.getByRole("status").filter({ hasText: "Stillingen er oprettet" })).toBeVisible();
  await expectAccessible(page, "the match page");
  await page.screenshot({ path: shot("matches"), fullPage: true });

  await page.getByRole("link", { name: "Tilbage til oversigten" }).click();
  await expect(page).toHaveURL(/\/virksomhed$/);
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Åben");
});

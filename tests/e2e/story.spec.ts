// The end-to-end story (issue 5, part 7), against the real stack that
// tests/e2e/serve.ts starts (web server, worker, Meilisearch, mail server):
// a company registers and posts a vacancy; the worker matches it within seconds
// (no nightly run); the company asks for an introduction to one candidate; the
// consultant sees the request and moves the candidate to interview and hired;
// the hire counts in the jobcentre's figures; an institution imports a course
// catalogue and sees the demand for one of its courses. Every main page passes
// axe and is kept as tests/artifacts/screenshots/story-<nn>-<page>.png.
//
// The seed (tests/e2e/story-data.ts) gives the occupation, its skills and three
// candidates of Jobcenter Aarhus; the catalogue is tests/fixtures/catalogue/story.csv.
// The story needs a freshly started server (CI=1): its course titles and counts are fixed.
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS, type DemoUserRole } from "../../prisma/seed/demo-users";
import { completeCvr } from "~/modules/organisations/cvr";
import { expect, test } from "./fixtures";
import { STORY_OCCUPATION } from "./story-data";

const CATALOGUE = path.resolve("tests/fixtures/catalogue/story.csv");
const STORY_COURSE = "Gaffeltruckcertifikat A";
let shots = 0;
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `tests/artifacts/screenshots/story-${String(++shots).padStart(2, "0")}-${name}.png`, fullPage: true });

function randomCvr(): string {
  for (;;) {
    const prefix = String(1_000_000 + Math.floor(Math.random() * 9_000_000));
    const cvr = completeCvr(prefix);
    if (cvr) return cvr;
  }
}

async function logInAs(page: Page, role: DemoUserRole, home: RegExp) {
  const user = DEMO_USERS.find((u) => u.role === role)!;
  // One browser, several people: the previous one's session goes first.
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Adgangskode").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log på", exact: true }).click();
  await expect(page).toHaveURL(home);
}

const mainMenu = (page: Page) => page.getByRole("navigation", { name: "Hovedmenu" });
const hiredThisMonth = (page: Page) => page.getByTestId("outcome-figures").locator('tr[data-outcome="HIRED"] td[data-period="month"]');

test("a company's vacancy is matched, introduced, filled and counted, and a course's demand is seen", async ({ page, expectAccessible }) => {
  // Eleven axe runs, the worker's matching and a catalogue import on a shared two-core machine.
  test.setTimeout(240_000);
  const suffix = randomBytes(3).toString("hex");
  const companyName = `Lagerhuset Aarhus ${suffix} ApS`;
  const vacancyTitle = `Lagermedarbejder til varemodtagelsen ${suffix}`;
  const message = `Vi vil gerne møde kandidaten til en samtale om stillingen (${suffix}).`;

  // The consultant's figures before the story, to see the hire count afterwards.
  await logInAs(page, "consultant", /\/jobcenter$/);
  const hiredBefore = Number(await hiredThisMonth(page).innerText());
  await page.context().clearCookies();

  await test.step("the company registers with its CVR number and address", async () => {
    await page.goto("/");
    await page.getByRole("link", { name: "Registrér din virksomhed" }).first().click();
    await expect(page).toHaveURL(/\/registrer$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Registrér din virksomhed");
    await page.getByLabel("CVR-nummer").fill(randomCvr());
    await page.getByLabel("Virksomhedens navn").fill(companyName);
    await page.getByLabel("Adresse").fill("Havnegade 12");
    await page.getByLabel("Postnummer").fill("8000");
    await page.getByLabel("Dit navn").fill("Karen Lagerchef");
    await page.getByLabel("Din e-mail").fill(`karen.${suffix}@lagerhuset.dk`);
    await page.getByLabel("Adgangskode").fill("lagerhuset-hemmelig-2026");
    await expectAccessible(page, "the registration page");
    await shot(page, "register");
    await page.getByRole("button", { name: "Registrér virksomheden" }).click();
    await expect(page).toHaveURL(/\/virksomhed$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Virksomhed: ${companyName}`);
    await expectAccessible(page, "the new company's overview");
    await shot(page, "company-overview");
  });

  let vacancyPath = "";
  await test.step("the company posts a vacancy through the wizard", async () => {
    await page.getByRole("link", { name: "Opret stilling" }).first().click();
    await expect(page).toHaveURL(/\/virksomhed\/stillinger\/ny$/);
    const combobox = page.getByRole("combobox", { name: "Stillingsbetegnelse" });
    // A typo on purpose: the occupation search is typo tolerant.
    await combobox.pressSequentially("lagermedarbejdr", { delay: 40 });
    const option = page.getByRole("option", { name: STORY_OCCUPATION.labelDa });
    await expect(option).toBeVisible({ timeout: 15_000 });
    await expectAccessible(page, "the wizard's occupation step");
    await shot(page, "wizard-occupation");
    await option.click();
    await expect(combobox).toHaveValue(STORY_OCCUPATION.labelDa);
    await page.getByRole("button", { name: "Videre" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Beskriv stillingen");
    for (const skill of ["håndtere varer på lager", "køre gaffeltruck", "bruge håndscanner"]) {
      await expect(page.getByRole("checkbox", { name: skill })).toBeChecked();
    }
    await page.getByLabel("Titel").fill(vacancyTitle);
    await page.getByLabel("Arbejdsstedets postnummer").fill("8000");
    await page.getByLabel("Startdato").fill("2027-03-01");
    await expect(page.getByRole("checkbox", { name: /Vi tager gerne en kandidat, der først skal have et kort kursus/ })).toBeChecked();
    await expectAccessible(page, "the wizard's details step");
    await shot(page, "wizard-details");
    await page.getByRole("button", { name: "Opret stilling" }).click();
    await expect(page).toHaveURL(/\/virksomhed\/stillinger\/[^/?]+\?oprettet=1$/);
    vacancyPath = new URL(page.url()).pathname;
  });

  const card = page.getByRole("article", { name: /Kandidat LAGER-1/ });
  await test.step("matches appear within seconds, without the nightly run", async () => {
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Kandidater til ${vacancyTitle}`);
    // The worker re-matches a new vacancy at once; the page shows stored matches, so reload until they are there.
    await expect(async () => {
      await page.goto(vacancyPath);
      await expect(card).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000, intervals: [1_000] });
    await expect(card).toContainText("Passer til stillingen");
    await expect(card).toContainText("Krav opfyldt: 2 af 2");
    await expect(card).toContainText("Afstand:");
    // Companies see pseudonyms only.
    await expect(page.locator("main")).not.toContainText("Lagerholm");
    await expect(page.getByRole("article", { name: /Kandidat LAGER-2/ })).toBeVisible();
    await expectAccessible(page, "the match page");
    await shot(page, "company-matches");
  });

  await test.step("the company asks the jobcentre for an introduction", async () => {
    await card.getByText("Bed jobcentret om en introduktion").click();
    await card.getByLabel("Besked til jobcentret").fill(message);
    await card.getByRole("button", { name: "Send anmodning" }).click();
    await expect(card.getByRole("status")).toContainText("Anmodningen er sendt til jobcentret.");
    await expect(card).toContainText("Anmodning: Sendt til jobcentret");
    await expectAccessible(page, "the match page after the request");
  });

  await logInAs(page, "consultant", /\/jobcenter$/);
  await test.step("the consultant sees the request in the inbox", async () => {
    await expectAccessible(page, "the consultant overview");
    await shot(page, "consultant-overview");
    await mainMenu(page).getByRole("link", { name: "Henvendelser" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Henvendelser");
    const request = page.getByTestId("inbox").locator("li", { hasText: message });
    await expect(request).toContainText(`${companyName}: ${vacancyTitle}`);
    await expect(request).toContainText("Kandidat LAGER-1");
    await expectAccessible(page, "the inbox");
    await shot(page, "consultant-inbox");
    await request.getByRole("link", { name: vacancyTitle }).click();
  });

  await test.step("the consultant moves the candidate to interview, then hired", async () => {
    await expect(page).toHaveURL(/\/jobcenter\/stillinger\/[^/?#]+/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(vacancyTitle);
    const candidate = page.locator('[data-candidate="Kandidat LAGER-1"]');
    await candidate.getByLabel("Flyt til").selectOption("INTERVIEW");
    await candidate.getByLabel("Note (valgfri)").fill("Samtale torsdag kl. 10");
    await candidate.getByRole("button", { name: "Flyt", exact: true }).click();
    await expect(page.getByRole("status")).toContainText("Kandidaten er flyttet til Samtale");
    await expect(page.locator('section[data-stage="INTERVIEW"]')).toContainText("Kandidat LAGER-1");

    await candidate.getByLabel("Flyt til").selectOption("HIRED");
    await candidate.getByRole("button", { name: "Flyt", exact: true }).click();
    await expect(page.getByRole("status")).toContainText("Kandidaten er flyttet til Ansat");
    const hired = page.locator('section[data-stage="HIRED"] [data-candidate="Kandidat LAGER-1"]');
    await hired.getByText("Historik").click();
    await expect(hired.getByTestId("match-history")).toContainText("Samtale → Ansat");
    await expectAccessible(page, "the vacancy pipeline");
    await shot(page, "consultant-pipeline");
  });

  await test.step("the hire counts in the jobcentre's figures", async () => {
    await mainMenu(page).getByRole("link", { name: "Overblik" }).click();
    await expect(hiredThisMonth(page)).toHaveText(String(hiredBefore + 1));
    await expectAccessible(page, "the consultant overview after the hire");
    await shot(page, "consultant-figures");
  });

  await logInAs(page, "institution", /\/uddannelse$/);
  await test.step("the institution imports its course catalogue", async () => {
    await mainMenu(page).getByRole("link", { name: "Importér katalog" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Importér kursuskatalog");
    await page.getByLabel("CSV-fil").setInputFiles(CATALOGUE);
    await page.getByRole("button", { name: "Importér" }).click();
    await expect(page.getByTestId("import-summary")).toContainText("2 kurser oprettet, 0 opdateret og 3 afholdelser tilføjet fra 3 linjer");
    await expectAccessible(page, "the import page");
    await shot(page, "institution-import");
  });

  await test.step("the institution sees the demand for its course", async () => {
    // The story's vacancy requires the forklift skill the course teaches; the
    // candidate who lacks it is matched through the course once the worker has
    // re-matched after the import.
    const row = page.getByTestId("course-demand").locator("tr", { hasText: STORY_COURSE });
    await expect(async () => {
      await page.goto("/uddannelse/efterspoergsel");
      await expect(row.locator("td")).toHaveText(["1", "1", "1"], { timeout: 1_000 });
    }).toPass({ timeout: 30_000, intervals: [1_000] });
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page, "the demand page");
    await shot(page, "institution-demand");
  });
});

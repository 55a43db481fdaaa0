// Skill and occupation labels follow the page's language (app/modules/taxonomy/label.ts,
// app/components/ConceptLabel.tsx): a Danish page shows the Danish label, and a
// concept without one its English label inside an element with lang="en"; an
// English page shows the English labels. Checked on the vacancy wizard, a
// company's match cards, the consultant's candidate profile, the institution's
// course and demand pages and the citizen's page, in both languages; each
// Danish page passes axe, and every page is kept as
// tests/artifacts/screenshots/labels-<da|en>-<page>.png.
//
// The story's occupation and skills (tests/e2e/story-data.ts) carry both labels.
// What else is needed is added here straight into PostgreSQL, without outbox
// rows: none of it reaches Meilisearch, so the worker never matches it and the
// other specs' matches and counts stay as they are. The vacancy is closed again
// afterwards, so that it adds nothing to the institutions' demand figures.
import { randomBytes } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD, DEMO_USERS, type DemoUserRole } from "../../prisma/seed/demo-users";
import { linkFromMail } from "./citizen-link";
import { expect, test } from "./fixtures";
import { STORY_OCCUPATION, STORY_SKILLS } from "./story-data";

const DATABASE_URL = `${process.env.TEST_DATABASE_BASE_URL ?? "postgresql://postgres@127.0.0.1:5432"}/jobbro_e2e`;
const shot = (page: Page, language: "da" | "en", name: string) =>
  page.screenshot({ path: `tests/artifacts/screenshots/labels-${language}-${name}.png`, fullPage: true });
const id = () => `e2e${randomBytes(8).toString("hex")}`;
/** Letters only, so that a label of this run is never a prefix of another run's. */
const suffix = randomBytes(3)
  .toString("hex")
  .replace(/[0-9]/g, (d) => "ghijklmnop"[Number(d)]);

interface Label {
  labelDa: string | null;
  labelEn: string;
}
const story = (key: (typeof STORY_SKILLS)[number]["key"]) => STORY_SKILLS.find((s) => s.key === key)!;
const GOODS = story("e2e-story:goods");
const FORKLIFT = story("e2e-story:forklift");
const SCANNER = story("e2e-story:scanner");
/** A skill of this run with both labels, required by the vacancy and taught by no course (the demand page's gaps). */
const CROSS_DOCK: Label = { labelDa: `krydsfordele paller ${suffix}`, labelEn: `arrange cross-dock pallets ${suffix}` };
/** No Danish label: required by the vacancy, held by the candidates, taught by no course. */
const UNTRANSLATED: Label = { labelDa: null, labelEn: `apply cross-docking ${suffix}` };
/** No Danish label: taught by the course. */
const UNTRANSLATED_TAUGHT: Label = { labelDa: null, labelEn: `calibrate pallet scales ${suffix}` };
/** An occupation without a Danish label, proposing a Danish-labelled and an untranslated skill. */
const UNTRANSLATED_OCCUPATION: Label = { labelDa: null, labelEn: `cross-dock operator ${suffix}` };

const citizenEmail = `lone.${suffix}@borger-e2e.dk`;
const PSEUDONYMS = [`Kandidat SPROG-${suffix.toUpperCase()}-1`, `Kandidat SPROG-${suffix.toUpperCase()}-2`];
const vacancyTitle = `Lagermedarbejder til krydsterminalen ${suffix}`;
const courseTitle = `Krydsterminal og pallevægte ${suffix}`;
const ids = { candidate: "", vacancy: "", course: "", occupation: "" };

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const org = async (name: string) => (await client.query<{ id: string }>(`SELECT "id" FROM "Organisation" WHERE "name" = $1`, [name])).rows[0]!.id;
    const jobcentreId = await org(DEMO_USERS.find((u) => u.role === "consultant")!.organisation);
    const companyId = await org(DEMO_USERS.find((u) => u.role === "company")!.organisation);
    const institutionId = await org(DEMO_USERS.find((u) => u.role === "institution")!.organisation);
    const { rows: storyRows } = await client.query<{ id: string; key: string }>(`SELECT "id", "key" FROM "Skill" WHERE "key" = ANY($1)`, [
      STORY_SKILLS.map((s) => s.key),
    ]);
    const skillId = new Map<Label, string>(storyRows.map((r) => [story(r.key as (typeof STORY_SKILLS)[number]["key"]), r.id]));
    for (const skill of [CROSS_DOCK, UNTRANSLATED, UNTRANSLATED_TAUGHT]) {
      const skillRowId = id();
      await client.query(
        `INSERT INTO "Skill" ("id", "key", "labelEn", "labelDa", "altLabelsEn", "altLabelsDa", "updatedAt") VALUES ($1, $2, $3, $4, '{}', '{}', now())`,
        [skillRowId, `e2e-labels:${skillRowId}`, skill.labelEn, skill.labelDa],
      );
      skillId.set(skill, skillRowId);
    }
    const skill = (s: Label) => skillId.get(s)!;

    const storyOccupation = await client.query<{ id: string }>(`SELECT "id" FROM "Occupation" WHERE "labelDa" = $1 LIMIT 1`, [STORY_OCCUPATION.labelDa]);
    ids.occupation = id();
    await client.query(
      `INSERT INTO "Occupation" ("id", "escoUri", "labelEn", "labelDa", "altLabelsEn", "altLabelsDa", "updatedAt") VALUES ($1, $2, $3, NULL, '{}', '{}', now())`,
      [ids.occupation, `http://example.test/occupation/${ids.occupation}`, UNTRANSLATED_OCCUPATION.labelEn],
    );
    for (const [s, relation] of [
      [GOODS, "ESSENTIAL"],
      [UNTRANSLATED, "ESSENTIAL"],
      [SCANNER, "OPTIONAL"],
    ] as const) {
      await client.query(`INSERT INTO "OccupationSkill" ("occupationId", "skillId", "relation") VALUES ($1, $2, $3)`, [ids.occupation, skill(s), relation]);
    }

    // Two candidates of the consultant's jobcentre; the first has an e-mail address for the citizen's link.
    const candidates = [
      { pseudonym: PSEUDONYMS[0], firstName: "Lone", lastName: "Labelsen", email: citizenEmail, skills: [GOODS, FORKLIFT, CROSS_DOCK, UNTRANSLATED] },
      { pseudonym: PSEUDONYMS[1], firstName: "Mads", lastName: "Mærkat", email: null, skills: [GOODS, SCANNER, CROSS_DOCK, UNTRANSLATED] },
    ];
    const candidateIds: string[] = [];
    for (const c of candidates) {
      const candidateId = id();
      candidateIds.push(candidateId);
      await client.query(
        `INSERT INTO "Candidate" ("id", "jobcentreId", "pseudonym", "firstName", "lastName", "email", "postalCode", "city", "latitude", "longitude", "availableFrom", "languages", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, '8000', 'Aarhus C', 56.1567, 10.2108, now(), '{da}', now())`,
        [candidateId, jobcentreId, c.pseudonym, c.firstName, c.lastName, c.email],
      );
      for (const s of c.skills) await client.query(`INSERT INTO "CandidateSkill" ("candidateId", "skillId") VALUES ($1, $2)`, [candidateId, skill(s)]);
      await client.query(`INSERT INTO "Consent" ("id", "candidateId", "purpose", "channel") VALUES ($1, $2, 'MATCHING', 'IN_PERSON')`, [id(), candidateId]);
    }
    ids.candidate = candidateIds[0]!;

    // The company's vacancy and the matches the matcher would store for it.
    ids.vacancy = id();
    const startDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await client.query(
      `INSERT INTO "Vacancy" ("id", "organisationId", "occupationId", "title", "postalCode", "city", "latitude", "longitude", "startDate", "languages", "updatedAt")
       VALUES ($1, $2, $3, $4, '8000', 'Aarhus C', 56.1567, 10.2108, $5, '{da}', now())`,
      [ids.vacancy, companyId, storyOccupation.rows[0]?.id ?? null, vacancyTitle, startDate],
    );
    const required = [GOODS, CROSS_DOCK, UNTRANSLATED];
    for (const s of required) {
      await client.query(`INSERT INTO "VacancySkill" ("vacancyId", "skillId", "requirement") VALUES ($1, $2, 'REQUIRED')`, [ids.vacancy, skill(s)]);
    }
    await client.query(`INSERT INTO "VacancySkill" ("vacancyId", "skillId", "requirement") VALUES ($1, $2, 'NICE_TO_HAVE')`, [ids.vacancy, skill(SCANNER)]);
    for (const [index, c] of candidates.entries()) {
      const explanation = {
        required: required.map((s) => ({ skillId: skill(s), met: c.skills.includes(s) })),
        niceToHave: [{ skillId: skill(SCANNER), met: c.skills.includes(SCANNER) }],
        distanceKm: 0,
        radiusKm: 25,
        availableFrom: new Date().toISOString().slice(0, 10),
        startDate,
        upskilling: [],
      };
      await client.query(
        `INSERT INTO "Match" ("id", "vacancyId", "candidateId", "kind", "score", "explanation", "isNew", "updatedAt") VALUES ($1, $2, $3, 'FULL', $4, $5, false, now())`,
        [id(), ids.vacancy, candidateIds[index], 90 - index, JSON.stringify(explanation)],
      );
    }

    // The institution's course: a Danish-labelled skill and an untranslated one.
    ids.course = id();
    await client.query(
      `INSERT INTO "Course" ("id", "institutionId", "title", "description", "durationDays", "updatedAt") VALUES ($1, $2, $3, 'Kursus i krydsterminaler og vejning af paller', 3, now())`,
      [ids.course, institutionId, courseTitle],
    );
    for (const s of [FORKLIFT, UNTRANSLATED_TAUGHT]) {
      await client.query(`INSERT INTO "CourseSkill" ("courseId", "skillId") VALUES ($1, $2)`, [ids.course, skill(s)]);
    }
  } finally {
    await client.end();
  }
});

test.afterAll(async () => {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    // No open vacancy of this spec stays behind in the demand figures, and the demo users keep Danish e-mails.
    if (ids.vacancy) await client.query(`UPDATE "Vacancy" SET "status" = 'CLOSED', "closedAt" = now() WHERE "id" = $1`, [ids.vacancy]);
    await client.query(`UPDATE "User" SET "locale" = 'da' WHERE "email" = ANY($1)`, [DEMO_USERS.map((u) => u.email)]);
  } finally {
    await client.end();
  }
});

async function logInAs(page: Page, role: DemoUserRole, home: RegExp) {
  const user = DEMO_USERS.find((u) => u.role === role)!;
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Adgangskode").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log på", exact: true }).click();
  await expect(page).toHaveURL(home);
}

/** The language switch in the page's footer (app/components/layout/LanguageSwitch.tsx): a form post and a new page. */
async function switchLanguage(page: Page, to: "da" | "en") {
  await page
    .locator(".additional-info")
    .getByRole("button", { name: to === "en" ? "English" : "Dansk" })
    .click();
  await expect(page.locator("html")).toHaveAttribute("lang", to);
}

/** On a Danish page: the Danish labels, none of their English ones, and each untranslated label marked lang="en". */
async function expectDanishLabels(scope: Locator, labelled: readonly Label[], untranslated: readonly Label[]) {
  for (const label of labelled) {
    await expect(scope).toContainText(label.labelDa!);
    await expect(scope).not.toContainText(label.labelEn);
  }
  for (const label of untranslated) {
    await expect(scope.locator('[lang="en"]', { hasText: label.labelEn }).first()).toBeVisible();
  }
}

/** On an English page: the English labels, no Danish ones, and nothing marked lang="en" (the page is English). */
async function expectEnglishLabels(scope: Locator, labelled: readonly Label[], untranslated: readonly Label[]) {
  for (const label of labelled) {
    await expect(scope).toContainText(label.labelEn);
    await expect(scope).not.toContainText(label.labelDa!);
  }
  for (const label of untranslated) await expect(scope).toContainText(label.labelEn);
  await expect(scope.locator('[lang="en"]')).toHaveCount(0);
}

test("the vacancy wizard proposes the occupation's skills in the page's language", async ({ page, expectAccessible }) => {
  test.setTimeout(90_000);
  await logInAs(page, "company", /\/virksomhed$/);
  await page.goto("/virksomhed/stillinger/ny");
  const combobox = page.getByRole("combobox", { name: "Stillingsbetegnelse" });
  await combobox.pressSequentially(STORY_OCCUPATION.labelDa, { delay: 30 });
  const option = page.getByRole("option", { name: STORY_OCCUPATION.labelDa });
  await expect(option).toBeVisible({ timeout: 15_000 });
  await option.click();
  await page.getByRole("button", { name: "Videre" }).click();

  const main = page.locator("main");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Beskriv stillingen");
  await expect(main).toContainText(`Stillingsbetegnelse: ${STORY_OCCUPATION.labelDa}.`);
  for (const s of [GOODS, FORKLIFT, SCANNER]) await expect(page.getByRole("checkbox", { name: s.labelDa, exact: true })).toBeChecked();
  await expectDanishLabels(main, [STORY_OCCUPATION, GOODS, FORKLIFT, SCANNER], []);
  await expect(main.locator('[lang="en"]')).toHaveCount(0);
  await expectAccessible(page, "the wizard's skill proposals");
  await shot(page, "da", "wizard");

  await switchLanguage(page, "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Describe the vacancy");
  await expect(main).toContainText(`Occupation: ${STORY_OCCUPATION.labelEn}.`);
  for (const s of [GOODS, FORKLIFT, SCANNER]) await expect(page.getByRole("checkbox", { name: s.labelEn, exact: true })).toBeChecked();
  await expectEnglishLabels(main, [STORY_OCCUPATION, GOODS, FORKLIFT, SCANNER], []);
  await shot(page, "en", "wizard");

  // An occupation without a Danish label: its name and its untranslated skill are marked as English.
  await switchLanguage(page, "da");
  await page.goto(`/virksomhed/stillinger/ny?occupationId=${ids.occupation}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Beskriv stillingen");
  await expect(page.getByRole("checkbox", { name: UNTRANSLATED.labelEn, exact: true })).toBeChecked();
  await expectDanishLabels(main, [GOODS, SCANNER], [UNTRANSLATED_OCCUPATION, UNTRANSLATED]);
  await expectAccessible(page, "the wizard's proposals for an untranslated occupation");
  await shot(page, "da", "wizard-untranslated");

  await switchLanguage(page, "en");
  await expectEnglishLabels(main, [GOODS, SCANNER], [UNTRANSLATED_OCCUPATION, UNTRANSLATED]);
  await shot(page, "en", "wizard-untranslated");
  await switchLanguage(page, "da");
});

test("a company's match cards name each skill in the page's language", async ({ page, expectAccessible }) => {
  test.setTimeout(90_000);
  await logInAs(page, "company", /\/virksomhed$/);
  await page.goto(`/virksomhed/stillinger/${ids.vacancy}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Kandidater til ${vacancyTitle}`);
  const [first, second] = PSEUDONYMS.map((p) => page.getByRole("article", { name: p }));
  for (const card of [first!, second!]) {
    await expect(card).toContainText("Krav opfyldt: 3 af 3");
    await expectDanishLabels(card, [GOODS, CROSS_DOCK, SCANNER], [UNTRANSLATED]);
    await expect(card.locator("li", { hasText: UNTRANSLATED.labelEn })).toContainText(`Har: ${UNTRANSLATED.labelEn}`);
  }
  await expect(first!.locator("li", { hasText: SCANNER.labelDa })).toContainText(`Mangler: ${SCANNER.labelDa}`);
  await expect(second!.locator("li", { hasText: SCANNER.labelDa })).toContainText(`Har: ${SCANNER.labelDa}`);
  await expectAccessible(page, "the match cards");
  await shot(page, "da", "matches");

  await switchLanguage(page, "en");
  for (const card of [first!, second!]) {
    await expect(card).toContainText("Requirements met: 3 of 3");
    await expectEnglishLabels(card, [GOODS, CROSS_DOCK, SCANNER], [UNTRANSLATED]);
  }
  await expect(first!.locator("li", { hasText: SCANNER.labelEn })).toContainText(`Missing: ${SCANNER.labelEn}`);
  await shot(page, "en", "matches");
  await switchLanguage(page, "da");
});

test("the consultant sees a candidate's skills in the page's language", async ({ page, expectAccessible }) => {
  test.setTimeout(90_000);
  await logInAs(page, "consultant", /\/jobcenter$/);
  await page.goto(`/jobcenter/kandidater/${ids.candidate}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lone Labelsen");
  const details = page.getByTestId("candidate-details");
  await expectDanishLabels(details, [GOODS, FORKLIFT, CROSS_DOCK], [UNTRANSLATED]);
  // The profile's edit form shows the same skills as chips, under the same rule.
  await expectDanishLabels(page.locator("main form", { has: page.getByRole("checkbox", { name: GOODS.labelDa }) }), [GOODS, FORKLIFT, CROSS_DOCK], [UNTRANSLATED]);
  await expectAccessible(page, "the candidate profile");
  await shot(page, "da", "candidate");

  await switchLanguage(page, "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lone Labelsen");
  await expectEnglishLabels(details, [GOODS, FORKLIFT, CROSS_DOCK], [UNTRANSLATED]);
  await shot(page, "en", "candidate");
  await switchLanguage(page, "da");
});

test("the institution sees its course's skills in the page's language", async ({ page, expectAccessible }) => {
  test.setTimeout(90_000);
  await logInAs(page, "institution", /\/uddannelse$/);
  await page.goto(`/uddannelse/kurser/${ids.course}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(courseTitle);
  const main = page.locator("main");
  await expect(page.getByRole("checkbox", { name: FORKLIFT.labelDa, exact: true })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: UNTRANSLATED_TAUGHT.labelEn, exact: true })).toBeChecked();
  await expectDanishLabels(main, [FORKLIFT], [UNTRANSLATED_TAUGHT]);
  await expectAccessible(page, "the course page");
  await shot(page, "da", "course");

  await switchLanguage(page, "en");
  await expect(page.getByRole("checkbox", { name: FORKLIFT.labelEn, exact: true })).toBeChecked();
  await expectEnglishLabels(main, [FORKLIFT], [UNTRANSLATED_TAUGHT]);
  await shot(page, "en", "course");
  await switchLanguage(page, "da");
});

test("the institution's demand page names the untaught skills in the page's language", async ({ page, expectAccessible }) => {
  test.setTimeout(90_000);
  await logInAs(page, "institution", /\/uddannelse$/);
  await page.goto("/uddannelse/efterspoergsel");
  const untaught = page.getByTestId("untaught-skills");
  await expect(page.getByTestId("course-demand")).toContainText(courseTitle);
  await expectDanishLabels(untaught, [CROSS_DOCK], [UNTRANSLATED]);
  // The chart beside the table marks the untranslated label too.
  await expect(page.locator('svg.bar-chart text[lang="en"]', { hasText: UNTRANSLATED.labelEn.slice(0, 20) })).toHaveCount(1);
  await expectAccessible(page, "the demand page");
  await shot(page, "da", "demand");

  await switchLanguage(page, "en");
  await expectEnglishLabels(untaught, [CROSS_DOCK], [UNTRANSLATED]);
  await expect(page.locator("main svg [lang]")).toHaveCount(0);
  await shot(page, "en", "demand");
  await switchLanguage(page, "da");
});

test("the citizen sees their skills in the page's language", async ({ page, expectAccessible }) => {
  test.setTimeout(90_000);
  await page.goto("/borger");
  await page.getByLabel("Din e-mail").fill(citizenEmail);
  await page.getByRole("button", { name: "Send mig et link" }).click();
  await expect(page.getByRole("status")).toContainText("Hvis vi kender adressen");

  await page.goto(await linkFromMail(page, citizenEmail));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dine data i Jobbro");
  const profile = page.locator('section[aria-labelledby="profile-heading"]');
  await expect(profile).toContainText("Lone Labelsen");
  await expectDanishLabels(profile, [GOODS, FORKLIFT, CROSS_DOCK], [UNTRANSLATED]);
  await expectAccessible(page, "the citizen's page");
  await shot(page, "da", "citizen");

  await switchLanguage(page, "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your data in Jobbro");
  await expectEnglishLabels(profile, [GOODS, FORKLIFT, CROSS_DOCK], [UNTRANSLATED]);
  await shot(page, "en", "citizen");
});

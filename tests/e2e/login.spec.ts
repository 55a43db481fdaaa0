import { DEMO_PASSWORD, DEMO_USERS, type DemoUserRole } from "../../prisma/seed/demo-users";
import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";

const HOMES: Record<DemoUserRole, { path: string; heading: RegExp }> = {
  company: { path: "/virksomhed", heading: /^Virksomhed: / },
  consultant: { path: "/jobcenter", heading: /^Jobcenter: / },
  institution: { path: "/uddannelse", heading: /^Uddannelsessted: / },
  operator: { path: "/drift", heading: /^Drift: / },
};

function demoUser(role: DemoUserRole) {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`prisma/seed/demo-users.ts has no ${role} user`);
  return user;
}

async function logIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Adgangskode").fill(password);
  await page.getByRole("button", { name: "Log på", exact: true }).click();
}

test("the front page introduces Jobbro and leads to the login", async ({ page, expectAccessible }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "da");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page, "the front page");
  await page.getByRole("link", { name: "Log på Jobbro" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expectAccessible(page, "the login page");
});

for (const role of Object.keys(HOMES) as DemoUserRole[]) {
  test(`a ${role} user logs in and lands on their home page`, async ({ page, expectAccessible }) => {
    const user = demoUser(role);
    await logIn(page, user.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(new RegExp(`${HOMES[role].path}$`));
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toHaveText(HOMES[role].heading);
    await expect(heading).toContainText(user.organisation);
    await expect(page.locator(".portal-user")).toContainText(user.name);
    await expectAccessible(page, `the ${role} home page`);
    await page.screenshot({ path: `tests/artifacts/home-${role}.png`, fullPage: true });

    await page.locator(".portal-user").getByRole("button", { name: "Log af" }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto(HOMES[role].path);
    await expect(page).toHaveURL(/\/login\?redirectTo=/);
  });
}

test.describe("a wrong password", () => {
  // The browser notes the 400 answer in the console; that one is expected.
  test.use({ allowedConsoleErrors: [/status of 400/] });

  test("shows the error and keeps the e-mail", async ({ page, expectAccessible }) => {
    const user = demoUser("company");
    await logIn(page, user.email, "not-the-password");
    await expect(page.getByRole("alert")).toContainText("Forkert e-mail eller adgangskode");
    await expect(page.getByLabel("E-mail")).toHaveValue(user.email);
    await expect(page).toHaveURL(/\/login$/);
    await expectAccessible(page, "the login page with an error");
  });
});

test("switching to English shows English text, and it sticks", async ({ page }) => {
  await page.goto("/login");
  await page.locator(".additional-info").getByRole("button", { name: "English" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log in");
  await expect(page.getByLabel("Password")).toBeVisible();

  const user = demoUser("institution");
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log in", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Educational institution: ${user.organisation}`);

  await page.locator(".additional-info").getByRole("button", { name: "Dansk" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Uddannelsessted: ${user.organisation}`);
});

test.describe("error pages", () => {
  // The browser notes the 404 and 403 answers in the console; those are expected.
  test.use({ allowedConsoleErrors: [/status of 40[34]/] });

  test("keep the layout: 404 for an unknown page, 403 for another role's area", async ({ page, expectAccessible }) => {
    const notFound = await page.goto("/findes-ikke");
    expect(notFound?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Siden findes ikke");
    await expect(page.locator("header.header")).toBeVisible();
    await expectAccessible(page, "the 404 page");

    const user = demoUser("institution");
    await logIn(page, user.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/uddannelse$/);
    const forbidden = await page.goto("/drift");
    expect(forbidden?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Du har ikke adgang");
    await expect(page.locator(".portal-user")).toContainText(user.name);
  });
});

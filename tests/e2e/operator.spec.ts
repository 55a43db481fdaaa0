// The operator's tools: start a full matching run by hand, watch it complete
// (tests/e2e/serve.ts runs a real worker), and open the queue dashboard.
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/seed/demo-users";
import { expect, test } from "./fixtures";

function demoUser(role: "operator" | "company") {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`prisma/seed/demo-users.ts has no ${role} user`);
  return user;
}

async function logIn(page: Page, role: "operator" | "company") {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(demoUser(role).email);
  await page.getByLabel("Adgangskode").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log på", exact: true }).click();
}

test("an operator starts a matching run and sees it complete", async ({ page, expectAccessible }) => {
  await logIn(page, "operator");
  await expect(page).toHaveURL(/\/drift$/);
  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Matchkørsler" }).click();
  await expect(page).toHaveURL(/\/drift\/koersler$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Matchkørsler");
  await expectAccessible(page, "the match runs page");

  const runs = page.getByTestId("match-runs").locator("tbody tr");
  const before = await runs.count();
  await page.getByRole("button", { name: "Start matchkørsel nu" }).click();
  await expect(page).toHaveURL(/\/drift\/koersler\?queued=\d+$/);
  await expect(page.getByRole("status")).toContainText("Matchkørslen er sat i kø");

  // The page refreshes by itself until the worker has taken the job and finished the run.
  const run = runs.first();
  await expect(runs).toHaveCount(before + 1, { timeout: 20_000 });
  await expect(run.locator("td").first()).toHaveText("Manuel");
  await expect(run).toHaveAttribute("data-status", "COMPLETED", { timeout: 20_000 });
  await expect(run.locator("td").nth(1)).toHaveText("Færdig");
  await expect(run.getByRole("progressbar")).toHaveAttribute("value", "100");
  // Every open vacancy done; other specs sharing the e2e database add vacancies of their own.
  await expect(run.locator("td").nth(5)).toHaveText(/^\s*(\d+) af \1$/);
  await expectAccessible(page, "the match runs page with a run");
  await page.screenshot({ path: "tests/artifacts/operator-runs.png", fullPage: true });
});

test.describe("the queue dashboard", () => {
  // Bull Board's page links Google Fonts; the dashboard's CSP blocks that on purpose
  // (operators' browsers call no third party), and Chromium notes it in the console.
  test.use({ allowedConsoleErrors: [/fonts\.googleapis\.com/] });

  test("opens for an operator from the operator home", async ({ page }) => {
    await logIn(page, "operator");
    await page.getByRole("link", { name: "Køer (Bull Board)" }).click();
    await expect(page).toHaveURL(/\/admin\/queues/);
    await expect(page).toHaveTitle("Jobbro");
    for (const queue of ["outbox", "search-sync", "matching", "match-runs"]) {
      await expect(page.getByText(queue, { exact: true }).first()).toBeVisible();
    }
    await page.screenshot({ path: "tests/artifacts/operator-queues.png" });
  });
});

test.describe("the queue dashboard for others", () => {
  test.use({ allowedConsoleErrors: [/status of 403/] });

  test("is refused to a company user, and leads a visitor to the login", async ({ page, expectAccessible }) => {
    const anonymous = await page.goto("/admin/queues");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Fqueues$/);
    expect(anonymous?.ok()).toBe(true);

    await logIn(page, "company");
    await expect(page).toHaveURL(/\/virksomhed$/);
    const refused = await page.goto("/admin/queues");
    expect(refused?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Du har ikke adgang");
    await expect(page.getByRole("link", { name: "Gå til forsiden" })).toBeVisible();
    await expectAccessible(page, "the queue dashboard's refusal");
  });
});

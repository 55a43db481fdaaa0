// The `test` every spec uses: it fails a test whose page logged console.error or
// threw an uncaught error, and offers an accessibility check with axe.
// (Fixture callbacks are named `provide`, not `use`, so that the React hooks lint
// rule does not mistake them for hooks.)
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

interface Fixtures {
  /** Console errors this test expects (e.g. the browser's note about a 400 response). */
  allowedConsoleErrors: RegExp[];
  consoleErrors: string[];
  expectAccessible: (page: Page, label: string) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  allowedConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ page, allowedConsoleErrors }, provide) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        const text = message.text();
        if (allowedConsoleErrors.some((pattern) => pattern.test(text))) return;
        errors.push(`${text} (${message.location().url})`);
      });
      page.on("pageerror", (error) => errors.push(`Uncaught: ${error.message}`));
      await provide(errors);
      expect(errors, "the page logged errors to the console").toEqual([]);
    },
    { auto: true },
  ],
  // eslint-disable-next-line no-empty-pattern
  expectAccessible: async ({}, provide) => {
    await provide(async (page, label) => {
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const serious = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id} (${v.impact}): ${v.help} – ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(serious, `serious or critical accessibility violations on ${label}`).toEqual([]);
    });
  },
});

export { expect };

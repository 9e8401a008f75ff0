// Shared test fixtures. Every page a test opens with page.goto is checked with axe
// (WCAG 2.1 A and AA): a page the suite visits may not have a single violation.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}

export const test = base.extend({
  page: async ({ page }, use) => {
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      const type = response?.headers()["content-type"] ?? "";
      if (type.includes("text/html")) await expectAccessible(page);
      return response;
    };
    await use(page);
  },
});

export { expect };

export const SEED_HANDLE = "2023.sw.kbri/1191";

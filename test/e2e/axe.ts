/**
 * Runs axe-core on the current page with the WCAG 2.1 A and AA rules and fails on any violation.
 * Every screen checked this way is also checked for sideways scroll (WCAG 1.4.10 Reflow, and
 * the 1024 px laptops the City lends): the page is never wider than the window.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { sidewaysOverflow } from './arms-length.js';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(summary, `axe violations on ${screen}`).toEqual([]);
  expect(results.passes.length, `axe ran its checks on ${screen}`).toBeGreaterThan(10);
  const overflow = await sidewaysOverflow(page);
  expect(overflow.scrollWidth, `sideways scroll on ${screen} (${overflow.widest.join(', ')})`).toBeLessThanOrEqual(overflow.clientWidth);
}

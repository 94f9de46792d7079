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
  // react-aria announces some changes by a node of its live region labelled by the element that
  // says them (role="img", aria-labelledby) and removes that node 7 s later. Once the screen has
  // changed, the element is gone and the node, still there, has no name: axe reports it
  // (role-img-alt). Only such stale announcements are waited for; any other nameless image fails.
  await page.waitForFunction(
    () =>
      ![...document.querySelectorAll('[data-live-announcer] [role="img"]')].some((node) => {
        const id = node.getAttribute('aria-labelledby');
        return id !== null && document.getElementById(id) === null;
      }),
    null,
    { timeout: 10_000 },
  );
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(summary, `axe violations on ${screen}`).toEqual([]);
  expect(results.passes.length, `axe ran its checks on ${screen}`).toBeGreaterThan(10);
  const overflow = await sidewaysOverflow(page);
  expect(overflow.scrollWidth, `sideways scroll on ${screen} (${overflow.widest.join(', ')})`).toBeLessThanOrEqual(overflow.clientWidth);
}

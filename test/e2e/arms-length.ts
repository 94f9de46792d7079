/**
 * "Readable at arm's length" (UX.md, principle 4), measured in the browser the way a person
 * meets the screen: every piece of visible text at least 16 px, every control at least 44×44 px,
 * and no screen wider than the window (no sideways scroll on a 1024 px laptop).
 *
 * What is measured and what is left out, and why:
 * - Text: each visible text node's own element's computed `font-size`; in an SVG, the size as
 *   drawn (the font size times the drawing's scale). Text hidden from sight (visually-hidden
 *   spans for screen readers, zero-sized or clipped boxes) is skipped; `aria-hidden` text is
 *   still seen, so it is measured, except a lone symbol drawn as an icon (the ● of a chosen
 *   answer, the × of a close button: no letter, no digit), which is a drawing sized by its box.
 * - Targets: links, buttons, form controls and anything with a role a person activates. A
 *   native input that react-aria hides visually is measured through the label a person clicks.
 *   A link inside a running sentence (its parent holds other text) only needs 44 px of width
 *   or to be the sentence's whole line: WCAG's target-size criteria exempt inline targets
 *   because padding them to 44 px high would break the line spacing of the text around them;
 *   we still ask for 16 px text, so they read. A link alone on its line is not inline: it gets
 *   the full 44 px (the « Détails de l’envoi » and Sources links were 23 and 18 px high).
 * - Map markers drawn on the canvas/SVG are not DOM targets; the map's own buttons are.
 */
import type { Page } from '@playwright/test';

export interface ArmsLengthProblem {
  kind: 'text' | 'target' | 'overlap';
  what: string;
  measure: string;
}

export const MIN_TEXT_PX = 16;
export const MIN_TARGET_PX = 44;

/** Everything on the current screen that cannot be read or hit at arm's length. */
export function armsLengthProblems(page: Page): Promise<ArmsLengthProblem[]> {
  return page.evaluate(
    ({ minText, minTarget }) => {
      const problems: { kind: 'text' | 'target' | 'overlap'; what: string; measure: string }[] = [];
      const describe = (el: Element): string => {
        const id = el.id ? `#${el.id}` : '';
        const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : '';
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
        const label = el.getAttribute('aria-label');
        return `<${el.tagName.toLowerCase()}${id}${cls}> ${label ? `[${label}] ` : ''}« ${text} »`;
      };
      const hiddenFromSight = (el: Element): boolean => {
        for (let e: Element | null = el; e; e = e.parentElement) {
          const style = getComputedStyle(e);
          if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') return true;
          // The visually-hidden pattern: a 1 px box clipped to nothing.
          if (style.position === 'absolute' && (style.clip === 'rect(0px, 0px, 0px, 0px)' || style.clipPath === 'inset(50%)')) return true;
        }
        const r = el.getBoundingClientRect();
        return r.width <= 1 || r.height <= 1;
      };

      // Text: every non-blank text node, measured on its parent element.
      const seen = new Set<Element>();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || seen.has(el) || !(node.textContent ?? '').trim()) continue;
        seen.add(el);
        if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TITLE', 'OPTION'].includes(el.tagName) || el.closest('svg')) continue;
        if (hiddenFromSight(el)) continue;
        if (el.closest('[aria-hidden="true"]') && !/[\p{L}\p{N}]/u.test(el.textContent ?? '')) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < minText - 0.01) problems.push({ kind: 'text', what: describe(el), measure: `${size} px` });
      }
      // Text drawn in an SVG (chart labels) is text too.
      for (const el of Array.from(document.querySelectorAll<SVGTextElement>('svg text'))) {
        if (hiddenFromSight(el)) continue;
        const m = el.getScreenCTM();
        const scale = m ? Math.hypot(m.a, m.b) : 1;
        const size = Math.round(parseFloat(getComputedStyle(el).fontSize) * scale * 10) / 10;
        if (size < minText - 0.01) problems.push({ kind: 'text', what: describe(el), measure: `${size} px` });
      }

      // Targets.
      const selector = [
        'a[href]',
        'button',
        'input:not([type="hidden"])',
        'select',
        'textarea',
        'summary',
        '[role="button"]',
        '[role="link"]',
        '[role="radio"]',
        '[role="checkbox"]',
        '[role="switch"]',
        '[role="tab"]',
        '[role="menuitem"]',
        '[role="option"]',
        '[role="combobox"]',
        '[role="slider"]',
        '[tabindex]:not([tabindex="-1"])',
      ].join(',');
      const targets = new Set<Element>();
      for (const el of Array.from(document.querySelectorAll(selector))) {
        if ((el as HTMLElement).closest('[inert]')) continue;
        if ((el as HTMLInputElement | HTMLButtonElement).disabled) continue;
        // Hidden from assistive technology too: react-aria's native <select> kept for autofill.
        if (el.closest('[aria-hidden="true"]')) continue;
        let target: Element = el;
        if (hiddenFromSight(el)) {
          // react-aria's radio, checkbox and file inputs are hidden; their label is the target.
          const label = el.closest('label') ?? (el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null);
          if (!label || hiddenFromSight(label)) continue;
          target = label;
        }
        // A control inside another counted control (a button in a label) is the same target.
        if (targets.has(target)) continue;
        targets.add(target);
        // The main element is focusable only to take the skip link's focus; it is not a target.
        if (target.tagName === 'MAIN') continue;
        const r = target.getBoundingClientRect();
        const width = Math.round(r.width * 10) / 10;
        const height = Math.round(r.height * 10) / 10;
        if (width >= minTarget - 0.5 && height >= minTarget - 0.5) continue;
        // Inline link in running text (see the module comment).
        const parent = target.parentElement;
        const inline =
          target.tagName === 'A' &&
          getComputedStyle(target).display === 'inline' &&
          parent !== null &&
          Array.from(parent.childNodes).some((n) => n !== target && n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim().length > 0);
        if (inline && width >= minTarget - 0.5) continue;
        problems.push({ kind: 'target', what: describe(target), measure: `${width}×${height} px` });
      }
      return problems;
    },
    { minText: MIN_TEXT_PX, minTarget: MIN_TARGET_PX },
  );
}

/** How much wider than the window the page is (0: no sideways scroll). */
export function sidewaysOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; widest: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const clientWidth = root.clientWidth;
    // Name the elements that stick out, so a failure says where to look.
    const widest = Array.from(document.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > clientWidth + 1)
      .slice(0, 5)
      .map((el) => `<${el.tagName.toLowerCase()} class="${typeof el.className === 'string' ? el.className : ''}"> right=${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: root.scrollWidth, clientWidth, widest };
  });
}

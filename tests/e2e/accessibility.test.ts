// Accessibility in Chromium: axe-core (WCAG 2.1 A and AA rules) finds nothing on every screen —
// idle map, workbench, park layout, wall screen, with the settings dialog and the detail panel
// open — in Chinese and in English; the English header fits from 1280 px without sideways
// scrolling; Esc closes the detail panel and the settings dialog, which keeps Tab inside and
// gives focus back to the button that opened it.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clickHeader, launch, openApp, waitFor, waitReady } from './browser';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AS_OF = '?asOf=2026-06-30';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe on the page and returns its violations, each with up to three offending elements. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations: Violation[] = await page.evaluate(async (tags) => {
    const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations;
  }, WCAG_TAGS);
  return violations.map(
    (v) => `${v.id} (${v.nodes.length}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`,
  );
}

/** Waits until the layout review has its clusters and chain (the panels axe should see). */
async function waitLayout(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const hook = (window as any).__parkatlas;
      const l = hook.layout();
      return hook.state().pending === 0 && l.clusters.length > 0 && l.nodes.length > 0;
    },
    undefined,
    { timeout: 60_000, polling: 100 },
  );
}

describe.each(['zh', 'en'])('axe finds no WCAG 2.1 A/AA violation (%s)', (lang) => {
  test('on the idle map, with the detail panel and with the settings dialog open', async () => {
    const { page } = await openApp(browser, `${AS_OF}&lang=${lang}`);
    expect(await axeViolations(page), 'idle map').toEqual([]);

    await page.locator('[data-testid=parcel-list] li button').first().click();
    await page.locator('[data-testid=detail-panel]').waitFor();
    await waitFor(page, 's.selected !== null');
    expect(await axeViolations(page), 'detail panel').toEqual([]);

    await clickHeader(page, 'settings-open');
    await page.locator('[data-testid=settings-panel]').waitFor();
    expect(await axeViolations(page), 'settings dialog').toEqual([]);
  });

  test('on the workbench', async () => {
    const { page } = await openApp(browser, `${AS_OF}&mode=workbench&lang=${lang}`);
    await waitFor(page, 's.totals !== null');
    expect(await axeViolations(page), 'workbench').toEqual([]);
    await page.locator('[data-tab=ranking]').click();
    await page.locator('[data-testid=mujun-ranking] tbody tr').first().waitFor();
    expect(await axeViolations(page), 'workbench ranking').toEqual([]);
  });

  test('on the park layout', async () => {
    const { page } = await openApp(browser, `${AS_OF}&mode=layout&lang=${lang}`);
    await waitLayout(page);
    expect(await axeViolations(page), 'park layout').toEqual([]);
  });

  test('on the wall screen', async () => {
    const { page } = await openApp(browser, `${AS_OF}&wall=1&lang=${lang}`);
    expect(await axeViolations(page), 'wall screen').toEqual([]);
  });

  test('in the scenes drawer and in presenter mode', async () => {
    const { page } = await openApp(browser, `${AS_OF}&lang=${lang}`);
    await clickHeader(page, 'scenes-open');
    await page.fill('[data-testid=scene-caption]', 'caption');
    await page.click('[data-testid=scene-add]');
    await page.locator('[data-testid=scene-list] li').first().waitFor();
    expect(await axeViolations(page), 'scenes drawer').toEqual([]);
    await page.click('[data-testid=present-start]');
    await page.locator('[data-testid=presenter]').waitFor();
    expect(await axeViolations(page), 'presenter').toEqual([]);
  });
});

describe('the English header at common screen widths', () => {
  test('fits 1280, 1366, 1440 and 1920 px without sideways scrolling', async () => {
    const { page } = await openApp(browser, `${AS_OF}&lang=en`, { width: 1280, height: 720 });
    for (const width of [1280, 1366, 1440, 1920]) {
      await page.setViewportSize({ width, height: 800 });
      // The header measures itself after a resize and folds what does not fit.
      await page.waitForFunction(
        () => {
          const h = document.querySelector('header')!;
          return h.scrollWidth <= h.clientWidth;
        },
        undefined,
        { timeout: 5_000 },
      );
      const fit = await page.evaluate(() => {
        const vw = document.documentElement.clientWidth;
        const outside = [...document.querySelectorAll('header *')]
          .map((el) => ({ el, r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.width > 0 && (r.right > vw + 0.5 || r.left < -0.5))
          .map(({ el }) => `${el.tagName.toLowerCase()}.${el.className}`);
        return {
          vw,
          pageScroll: document.documentElement.scrollWidth - vw,
          outside,
          headerHeight: document.querySelector('header')!.getBoundingClientRect().height,
        };
      });
      expect(fit.vw).toBe(width);
      expect(fit.outside, `beyond the viewport at ${width} px`).toEqual([]);
      expect(fit.pageScroll, `sideways scroll at ${width} px`).toBe(0);
      // One row: the title never wraps and nothing drops to a second line.
      expect(fit.headerHeight, `header height at ${width} px`).toBeLessThan(60);
      await expect(page.locator('[data-testid=lang-switch]').isVisible()).resolves.toBe(true);
    }
  });
});

describe('keyboard', () => {
  test('a parcel opens from the list with Enter and Esc closes its panel, focus back on the list', async () => {
    const { page } = await openApp(browser, `${AS_OF}&lang=en`);
    const first = page.locator('[data-testid=parcel-list] li').first();
    const id = await first.getAttribute('data-parcel-id');
    await first.locator('button').focus();
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid=detail-panel][data-parcel-id="${id}"]`).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=detail-panel]').waitFor({ state: 'detached' });
    await waitFor(page, 's.selected === null');
    await page.waitForFunction((pid) => document.activeElement?.closest('li')?.getAttribute('data-parcel-id') === pid, id, { timeout: 5_000 });
  });

  test('the settings dialog takes focus, keeps Tab inside, closes on Esc and gives focus back', async () => {
    const { page } = await openApp(browser, AS_OF);
    const opener = page.locator('[data-testid=settings-open]');
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('[data-testid=settings-panel]');
    await dialog.waitFor();
    const inside = () => page.evaluate(() => !!document.activeElement?.closest('[data-testid=settings-panel]'));
    expect(await inside()).toBe(true);
    const count = await page.evaluate(
      () => document.querySelectorAll('[data-testid=settings-panel] button, [data-testid=settings-panel] input').length,
    );
    // Round the dialog and a bit further, both ways: focus never leaves it.
    for (let i = 0; i < count + 3; i++) {
      await page.keyboard.press('Tab');
      expect(await inside(), `after Tab ${i + 1}`).toBe(true);
    }
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await inside(), `after Shift+Tab ${i + 1}`).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('settings-open');
  });

  test('Esc closes the settings dialog before the detail panel under it', async () => {
    const { page } = await openApp(browser, AS_OF);
    await page.locator('[data-testid=parcel-list] li button').first().click();
    await page.locator('[data-testid=detail-panel]').waitFor();
    await page.locator('[data-testid=settings-open]').click();
    await page.locator('[data-testid=settings-panel]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=settings-panel]').waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid=detail-panel]').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=detail-panel]').waitFor({ state: 'detached' });
  });

  test('at 1280 px the folded header menu opens the settings dialog, and Esc gives focus back to the menu', async () => {
    const { page } = await openApp(browser, `${AS_OF}&lang=en`, { width: 1280, height: 720 });
    await page.locator('[data-testid=header-more]').click();
    await page.locator('[data-testid=settings-open]').click();
    await page.locator('[data-testid=settings-panel]').waitFor();
    // The menu has closed behind the dialog, and focus is inside the dialog.
    expect(await page.locator('[data-testid=header-more-popup]').count()).toBe(0);
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid=settings-panel]'))).toBe(true);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=settings-panel]').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('header-more');
  });

  test('the map controls speak the UI language and follow a switch', async () => {
    const { page } = await openApp(browser, AS_OF);
    expect(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('aria-label')).toBe('放大');
    expect(await page.locator('.maplibregl-canvas').getAttribute('aria-label')).toBe('地图');
    await page.locator('[data-testid=lang-switch]').click();
    await waitReady(page);
    await page.waitForFunction(() => document.querySelector('.maplibregl-ctrl-zoom-in')?.getAttribute('aria-label') === 'Zoom in');
    expect(await page.locator('.maplibregl-canvas').getAttribute('aria-label')).toBe('Map');
  });
});

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SCREENSHOT_DIR } from './paths';

/**
 * A full-page screenshot under test-results/ui/screenshots/, named for the view: this is how
 * a person checks what the UI shows (the best ones go to docs/screenshots/ for the README).
 */
export async function snap(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  // From the top and with no hover: sticky parts (sidebar, section links) otherwise land
  // mid-page in a full-page picture. Then let the drawer slide in and chart.js lay out.
  await page.mouse.move(1355, 895);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
}

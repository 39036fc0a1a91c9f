/**
 * The review page: plain HTML, CSS and JavaScript in `review/assets/`, read once when the server starts and
 * served from memory under fixed names. No request path is ever looked up on disk.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Asset {
  type: string;
  body: string;
}

const FILES = {
  'index.html': 'text/html; charset=utf-8',
  'review.css': 'text/css; charset=utf-8',
  'review.js': 'text/javascript; charset=utf-8',
} as const;

export type AssetName = keyof typeof FILES;

/**
 * The folder of the assets: beside this module when it runs from source (tests), two levels up when it runs
 * compiled (`dist/review/assets.js` → `review/assets/`, which the package ships).
 */
function assetsDir(): string {
  for (const relative of ['./assets/', '../../review/assets/']) {
    const dir = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(dir + 'index.html')) return dir;
  }
  throw new Error(`Expected the review page in review/assets/ beside ${fileURLToPath(import.meta.url)}, got none`);
}

export function loadAssets(): Record<AssetName, Asset> {
  const dir = assetsDir();
  const out = {} as Record<AssetName, Asset>;
  for (const [name, type] of Object.entries(FILES) as [AssetName, string][]) out[name] = { type, body: readFileSync(dir + name, 'utf8') };
  return out;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside HTML, attributes included. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

/** The page with its `{{name}}` slots filled, each value escaped. */
export function renderPage(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => escapeHtml(values[name] ?? ''));
}

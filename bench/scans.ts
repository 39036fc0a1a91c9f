/**
 * The scanned part of `npm run bench`: pages per minute, seconds per page, peak RSS, accuracy and flagged share
 * of jixiao on every scanned sample; and native `tesseract --psm 3 -l chi_sim` over the same page images, with
 * as many processes as jixiao has OCR workers, when it is installed. Native tesseract only reads the text; it
 * does not rebuild the table.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { createOcrEngine } from '../extractors/ocr/ocr-engine.js';
import { openPdf } from '../extractors/pdf/open-pdf.js';
import { chooseRenderDpi, renderPdfPage } from '../extractors/raster/render-page.js';
import { imagePages, loadImagePage } from '../extractors/raster/image-input.js';
import type { GreyImage } from '../extractors/raster/grey-image.js';
import { extractDocument } from '../pipeline/pipeline.js';
import { compareWithExpected, type ExpectedSample } from './compare.js';

const run = promisify(execFile);

/** The page images jixiao reads, written as PNG for native tesseract. */
async function pageImages(file: string, dir: string): Promise<string[]> {
  const bytes = readFileSync(file);
  const images: GreyImage[] = [];
  if (file.endsWith('.pdf')) {
    const pdf = await openPdf(bytes);
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const text = await page.getTextContent();
      if (text.items.length > 0) continue; // a text page of a mixed PDF: not OCR
      const { dpi } = await chooseRenderDpi(page);
      images.push(await renderPdfPage(pdf, n, dpi));
    }
    await pdf.destroy();
  } else {
    const pages = await imagePages(bytes);
    for (let i = 0; i < pages.length; i++) images.push(await loadImagePage(bytes, i, pages[i]!.dpi));
  }
  const out: string[] = [];
  for (const [i, img] of images.entries()) {
    const f = path.join(dir, `${path.basename(file)}.${i + 1}.png`);
    await sharp(Buffer.from(img.data), { raw: { width: img.width, height: img.height, channels: 1 } }).withMetadata({ density: img.dpi }).png().toFile(f);
    out.push(f);
  }
  return out;
}

function hasTesseract(): boolean {
  const r = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  return r.status === 0 && /chi_sim/.test(r.stdout + r.stderr);
}

/** Native tesseract over the images, `processes` at a time, in ms of wall time. */
async function nativeTesseract(images: string[], processes: number): Promise<number> {
  const t0 = performance.now();
  const queue = [...images];
  await Promise.all(
    Array.from({ length: processes }, async () => {
      for (let img = queue.shift(); img; img = queue.shift()) {
        await run('tesseract', [img, img.replace(/\.png$/, ''), '--psm', '3', '-l', 'chi_sim'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
      }
    }),
  );
  return performance.now() - t0;
}

export async function benchScans(samplesDir: string): Promise<void> {
  const expectedFiles = readdirSync(samplesDir).filter((f) => f.endsWith('.expected.json'));
  const scans = expectedFiles
    .map((f) => JSON.parse(readFileSync(path.join(samplesDir, f), 'utf8')) as ExpectedSample)
    .filter((e) => e.producer.includes('+'))
    .sort((a, b) => a.sample.localeCompare(b.sample));
  const workers = os.availableParallelism();
  const engine = await createOcrEngine({ workers });
  const native = hasTesseract();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'jixiao-bench-scans-'));
  console.log('');
  console.log(`scanned samples: ${scans.length}, ${workers} OCR workers${native ? `, native tesseract with ${workers} processes` : ' (native tesseract not installed: Debian tesseract-ocr tesseract-ocr-chi-sim)'}`);
  console.log(['document', 'OCR pages', 's/page', 'fields', 'right', 'flagged', 'silent', native ? 'tesseract s/page' : '', native ? 'ratio' : ''].filter(Boolean).join('\t'));
  let totalPages = 0;
  let totalMs = 0;
  let totalNative = 0;
  let fields = 0;
  let wrong = 0;
  let silent = 0;
  let flagged = 0;
  let reviewFields = 0;
  const lines: string[] = [];
  for (const e of scans) {
    const file = path.join(samplesDir, e.sample);
    const t0 = performance.now();
    const x = await extractDocument({ file: e.sample, bytes: readFileSync(file) }, { ocrEngine: engine });
    const ms = performance.now() - t0;
    const pages = x.source.pages.filter((p) => p.method === 'ocr').length;
    const c = compareWithExpected(x, e);
    const s = { fields: c.fields, wrong: c.wrong.length, silent: c.silent.length };
    totalPages += pages;
    totalMs += ms;
    fields += s.fields;
    wrong += s.wrong;
    silent += s.silent;
    flagged += x.review.flagged;
    reviewFields += x.review.fields;
    const cells = [e.sample, String(pages), (ms / 1000 / pages).toFixed(1), String(s.fields), `${(100 * (1 - s.wrong / s.fields)).toFixed(1)}%`, `${((100 * x.review.flagged) / x.review.fields).toFixed(1)}%`, String(s.silent)];
    if (native) {
      const nms = await nativeTesseract(await pageImages(file, tmp), workers);
      totalNative += nms;
      cells.push((nms / 1000 / pages).toFixed(1), (ms / nms).toFixed(2));
    }
    lines.push(cells.join('\t'));
    console.log(cells.join('\t'));
  }
  await engine.terminate();
  console.log('');
  console.log(`scans: ${totalPages} pages, ${((totalPages * 60_000) / totalMs).toFixed(1)} pages/min, ${(totalMs / 1000 / totalPages).toFixed(1)} s/page with ${workers} workers`);
  console.log(`accuracy ${(100 * (1 - wrong / fields)).toFixed(1)}% of ${fields} fields; flagged ${((100 * flagged) / reviewFields).toFixed(1)}%; wrong at or above the threshold (silent): ${silent}; of the wrong ones, flagged ${wrong === 0 ? '-' : ((100 * (wrong - silent)) / wrong).toFixed(1) + '%'}`);
  if (native) console.log(`native tesseract --psm 3 on the same page images: ${(totalNative / 1000 / totalPages).toFixed(1)} s/page; jixiao / tesseract = ${(totalMs / totalNative).toFixed(2)}`);
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  writeFileSync(path.join(tmp, 'scans.tsv'), lines.join('\n'));
}

// OCR one page of a scanned sample through the scan stages, for looking at what they see.
import fs from 'node:fs';
import { loadDocument } from '/work/main/dist/pipeline/stages/load.js';
import { readPages } from '/work/main/dist/pipeline/stages/read-pages.js';
import { scanPages } from '/work/main/dist/pipeline/stages/scan-pages.js';
import { createOcrEngine } from '/work/main/dist/extractors/ocr/ocr-engine.js';
const engine = await createOcrEngine();
const ctx = { file: 'x', settings: { reviewThreshold: 0.9, ocr: true }, errors: [], ocr: async () => engine };
const doc = await loadDocument({ file: 'x', bytes: fs.readFileSync(process.argv[2]) }, ctx);
const all = await readPages(doc, ctx);
const want = Number(process.argv[3]);
const pages = await scanPages({ doc, pages: all.filter((p) => p.page === want) }, ctx);
const t = pages[0].glyphs.map((g) => g.char).join(''); for (const m of t.matchAll(/指标值[:：](.{0,4})/g)) console.log(JSON.stringify(m[1]));
await engine.terminate();

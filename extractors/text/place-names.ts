/**
 * Place names read by OCR, repaired from the gazetteer and the document's own department.
 *
 * Tesseract's Chinese model misreads the rarer characters of place names (荔 of 荔湾区 as 功, 切, 执, 茂 or
 * drops it), and a department's disclosure names its own district in every unit and many projects. So:
 *
 * 1. `findDocumentPlaces`: the document's places are the city + county-level division pairs its department and
 *    unit names spell (广州市荔湾区…): the city exactly as the gazetteer has it, the division as one of that city's
 *    own, or one character off where only one of the city's divisions fits (广州市功湾区 → 荔湾区).
 * 2. `repairPlaceNames`: in any OCR text, the document's division one character off is written as it: after its
 *    city always (广州市切湾区, and 广州市湾区 with the first character dropped); without the city only when the
 *    odd character was a doubtful read and the window names no other place (功湾区现代都市… yes, 大湾区 no).
 *
 * Each repair is marked on the characters it wrote, so the field says so and takes the repair's confidence.
 */
import { CHINA_DIVISIONS } from './china-divisions.js';
import type { PositionedText } from './positioned-text.js';
import { oneSubstitution } from './substitution.js';
import { applyEdits, isOcrText, type Edit } from './text-edits.js';
import { readDisputeNote } from '../raster/ocr-read.js';

const HAN = /^\p{Script=Han}$/u;

/** A city and one of its county-level divisions (广州市, 荔湾区). */
export interface Place {
  city: string;
  division: string;
}

/**
 * Names that look like a division one character off but are names of their own: 大湾区 (the Greater Bay
 * Area) beside 荔湾区 and 龙湾区.
 */
const NOT_DIVISIONS = new Set(['大湾区', '湾区']);

/** Confidence of a division's first character put back where OCR surely read another (药湾区 → 荔湾区). */
const SURE_FIRST_CHARACTER_CONFIDENCE = 0.85;

/** Characters read below this confidence are doubtful enough to be repaired without the city before them. */
export const DEFAULT_DOUBTFUL_BELOW = 0.9;

interface Gazetteer {
  /** City → its divisions. Municipalities (北京市) are their own city. */
  divisions: Map<string, string[]>;
  /** Every division name, of every city. */
  allDivisions: Set<string>;
}

let gazetteer: Gazetteer | undefined;

function loadGazetteer(): Gazetteer {
  if (gazetteer) return gazetteer;
  const divisions = new Map<string, string[]>();
  const allDivisions = new Set<string>();
  for (const [province, cities] of Object.entries(CHINA_DIVISIONS)) {
    for (const [city, names] of Object.entries(cities)) {
      const key = city === '市辖区' || city === '县' ? province : city;
      const list = names.split(' ').filter((n) => n.length >= 2);
      divisions.set(key, [...(divisions.get(key) ?? []), ...list]);
      for (const n of list) allDivisions.add(n);
    }
  }
  gazetteer = { divisions, allDivisions };
  return gazetteer;
}

/** The one division of `city` that `read` spells, exactly or one character off; null when none or several fit. */
function divisionOf(city: string, read: string): string | null {
  const own = loadGazetteer().divisions.get(city) ?? [];
  if (own.includes(read)) return read;
  const fits = own.filter((d) => oneSubstitution(d, read) >= 0);
  return fits.length === 1 ? fits[0]! : null;
}

/** The city + division pairs that the given texts (department, unit names) spell, each once. Pure. */
export function findDocumentPlaces(texts: readonly string[]): Place[] {
  const { divisions } = loadGazetteer();
  const found = new Map<string, Place>();
  for (const text of texts) {
    for (const city of divisions.keys()) {
      for (let at = text.indexOf(city); at >= 0; at = text.indexOf(city, at + 1)) {
        const after = text.slice(at + city.length);
        // A division is two to five characters and ends in 区, 县, 市 or 旗.
        for (const m of [...after.matchAll(/^\p{Script=Han}{1,4}?[区县市旗]/gu)]) {
          const division = divisionOf(city, m[0]);
          if (division) found.set(city + division, { city, division });
        }
      }
    }
  }
  return [...found.values()];
}

/**
 * OCR text with the document's places written right (see the module's comment). A text layer, or a text with
 * nothing to repair, is returned as it is. Pure.
 */
export function repairPlaceNames(t: PositionedText, places: readonly Place[], doubtfulBelow = DEFAULT_DOUBTFUL_BELOW): PositionedText {
  if (places.length === 0 || !isOcrText(t)) return t;
  const { allDivisions } = loadGazetteer();
  const text = t.text;
  const edits: Edit[] = [];
  const taken = (start: number, end: number) => edits.some((e) => e.start < end && e.end > start);
  for (const { city, division } of places) {
    const n = division.length;
    for (let i = 0; i + n <= text.length; i++) {
      const window = text.slice(i, i + n);
      if (window === division && !taken(i, i + n)) {
        // Spelled right already, by an earlier repair that only made it likely (the other OCR model's 荔 where the
        // first read 功, taken because the dictionary has 荔湾区): the document's own division vouches for it as
        // for a repair of its own.
        for (let k = i; k < i + n; k++) {
          const box = t.boxes[k];
          if (box?.repair && !box.doubt && (box.confidence ?? 1) < doubtfulBelow) edits.push({ start: k, end: k + 1, text: text[k]!, why: `${box.repair}; ${text[k]} of ${division}, the document's own ${city}${division}` });
          // So for the first model's reading of one character the other model read otherwise (荔 against 荡), where
          // the other's makes no division of its own: the two models agreed on the rest of the name.
          const dispute = box?.doubt ? readDisputeNote(box.doubt) : null;
          if (!dispute || dispute.first !== text[k] || !HAN.test(dispute.other)) continue;
          const others = `${window.slice(0, k - i)}${dispute.other}${window.slice(k - i + 1)}`;
          if (!allDivisions.has(others) && !NOT_DIVISIONS.has(others)) {
            edits.push({ start: k, end: k + 1, text: text[k]!, why: `OCR read ${text[k]}, the other OCR model ${dispute.other}: ${text[k]} of ${division}, the document's own ${city}${division}` });
          }
        }
        continue;
      }
      const at = oneSubstitution(division, window);
      if (at < 0 || taken(i, i + n)) continue;
      // A mark where the division's character would stand is a mark (“文化荔湾”), not a misread character.
      if (/^[\p{P}\p{S}\s]$/u.test(window[at]!)) continue;
      const afterCity = text.slice(Math.max(0, i - city.length), i) === city;
      const confidence = t.boxes[i + at]?.confidence ?? 1;
      if (!afterCity && (allDivisions.has(window) || NOT_DIVISIONS.has(window))) continue;
      // A sure read of another first character (药湾区: both models, 0.95) is the rare character misread as ever,
      // the rest of the name being the division's; but only likely so, for nothing else vouches for it. Elsewhere
      // in the name a sure character makes a word of its own (荔湾湖, 荔湾路).
      const sureFirst = !afterCity && confidence >= doubtfulBelow;
      // Nor where the odd character ends the city's name (广州市湾区: the division's first character dropped, below).
      if (sureFirst && (at !== 0 || text.slice(Math.max(0, i + 1 - city.length), i + 1) === city)) continue;
      edits.push({
        start: i + at,
        end: i + at + 1,
        text: division[at]!,
        why: `${window[at]} read as ${division[at]} of ${division}, the document's own ${city}${division}${sureFirst ? ` (${window[at]} was read surely: a likely reading)` : ''}`,
        ...(sureFirst ? { confidence: SURE_FIRST_CHARACTER_CONFIDENCE } : {}),
      });
    }
    // The division's first character dropped right after the city (广州市湾区 → 广州市荔湾区): it belongs before the
    // first character that was read.
    const rest = division.slice(1);
    for (let i = text.indexOf(city + rest); i >= 0; i = text.indexOf(city + rest, i + 1)) {
      const start = i + city.length;
      if (taken(start, start + 1) || text.startsWith(division, start)) continue;
      // Not when the city is followed by another of its divisions that happens to end like this one.
      if ((loadGazetteer().divisions.get(city) ?? []).some((d) => text.startsWith(d, start))) continue;
      edits.push({ start, end: start + 1, text: division[0]! + rest[0]!, why: `${division[0]} of ${division} missing after ${city}, the document's own ${city}${division}` });
    }
  }
  return edits.length === 0 ? t : applyEdits(t, edits);
}

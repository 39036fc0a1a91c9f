/**
 * Document numbers (文号) read by OCR. An official document is cited by its issuer's code, the year in hexagonal
 * brackets and a serial number: 财预〔2020〕10号, 荔财规〔2023〕2号 (GB/T 9704, the format of official documents,
 * prescribes the 〔〕). OCR has no such bracket in its habits and reads each half as whatever bracket is nearest in
 * shape: [ ] 【 】 （ ） ( ), or drops it, or reads the closing one as 1 (财预2020] 10号, 荔财规[2023]2号,
 * 〔2020110号). Between a Chinese character and a serial ending in 号, a year with such marks beside it is written
 * back as 〔year〕, in doubt: a document may print another bracket, and that is for a reviewer to see.
 */
import { applyEdits, isOcrText, type Edit } from './text-edits.js';
import type { PositionedText } from './positioned-text.js';

/** Confidence of brackets written back around a document number's year: the likely reading, below review. */
export const DOCUMENT_NUMBER_CONFIDENCE = 0.85;

/** What OCR reads for 〔, and for 〕. */
const OPENING = String.raw`[〔【\[（(〈《{]`;
const CLOSING = String.raw`[〕】\]）)〉》}]`;

/**
 * The issuer's last character, the marks around a year of 19xx or 20xx (the opening one may be lost), the serial
 * and 号. A closing mark read as 1 is taken only after an opening mark, and only when a serial still follows it.
 */
const DOCUMENT_NUMBER = new RegExp(
  String.raw`(?<=\p{Script=Han})\s*(?:(${OPENING}?)\s*((?:19|20)\d\d)\s*(${CLOSING})|(${OPENING})\s*((?:19|20)\d\d)(1))\s*(?=\d{1,4}\s*号)`,
  'gu',
);

/** Edits that write a document number's year between 〔 and 〕 where OCR read other marks. Pure. */
export function documentNumberEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(DOCUMENT_NUMBER)) {
    const [read, open, year, close, openBeforeOne, yearBeforeOne] = m;
    const wanted = `〔${year ?? yearBeforeOne}〕`;
    // Brackets read right: nothing to write back (spaces inside are the cell text's business).
    if (read.replace(/\s/g, '') === wanted) continue;
    const lost = open === '' ? 'its 〔 lost' : `«${(open ?? openBeforeOne)!}» for 〔`;
    const closing = close !== undefined ? `«${close}» for 〕` : '«1» for 〕';
    edits.push({
      start: m.index!,
      end: m.index! + read.length,
      text: wanted,
      why: `a document number's year, read «${read.trim()}» (${lost}, ${closing}): 文号 write it between 〔 and 〕`,
      confidence: DOCUMENT_NUMBER_CONFIDENCE,
    });
  }
  return edits;
}

/** Repair the document numbers of an OCR-read text; a text layer is left as it is. Pure. */
export function repairDocumentNumbers(t: PositionedText): PositionedText {
  if (!isOcrText(t)) return t;
  const edits = documentNumberEdits(t.text);
  return edits.length === 0 ? t : applyEdits(t, edits);
}

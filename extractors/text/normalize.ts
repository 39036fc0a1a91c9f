/**
 * Unicode hygiene for text read from PDF text layers.
 *
 * PDFs made with CJK fonts often map glyphs to compatibility code points: Kangxi radicals (⼾ U+2F3E for 户),
 * CJK radical supplements (⻔ U+2ED4 for 门), CJK compatibility ideographs, full-width digits. They look right
 * on screen but break search, joins and number parsing, so they are mapped to the ordinary characters.
 * Full-width punctuation (；：（），。％) is the document's own and is kept: only characters that have one
 * obvious ordinary form are changed. Every mapping is one code point to one UTF-16 unit or pair, so
 * positions can be carried through (see `normalizeCodePoint`).
 */

/**
 * CJK radical supplements (no NFKC mapping) to the ideograph or component they stand for. Fonts for
 * simplified Chinese share one glyph between a radical and its character, and some producers' ToUnicode maps
 * pick the radical's code point (Chromium with Noto Sans CJK SC writes ⻔ for 门, ⺠ for 民, ⻣ for 骨).
 */
const RADICAL_SUPPLEMENT: Readonly<Record<number, string>> = {
  0x2e81: '厂', 0x2e8a: '卜', 0x2e90: '尢', 0x2e92: '巳', 0x2e93: '幺', 0x2e99: '攵', 0x2e9b: '旡', 0x2e9c: '日',
  0x2e9d: '月', 0x2e9e: '歺', 0x2e9f: '母', 0x2ea0: '民', 0x2ea1: '氵', 0x2ea2: '氺', 0x2ea4: '爫', 0x2ea9: '王',
  0x2eaa: '疋', 0x2eac: '礻', 0x2ead: '礻', 0x2eaf: '糹', 0x2eb0: '纟', 0x2ebc: '月', 0x2ebe: '艹', 0x2ebf: '艹',
  0x2ec0: '艹', 0x2ec1: '虎', 0x2ec2: '衤', 0x2ec4: '西', 0x2ec5: '见', 0x2ec6: '角', 0x2ec7: '角', 0x2ec8: '讠',
  0x2ec9: '贝', 0x2ecb: '车', 0x2ecc: '辶', 0x2ecd: '辶', 0x2ece: '辶', 0x2ed0: '钅', 0x2ed3: '长', 0x2ed4: '门',
  0x2ed7: '雨', 0x2ed8: '青', 0x2ed9: '韦', 0x2eda: '页', 0x2edb: '风', 0x2edc: '飞', 0x2edd: '食', 0x2ee0: '饣',
  0x2ee1: '首', 0x2ee2: '马', 0x2ee3: '骨', 0x2ee4: '鬼', 0x2ee5: '鱼', 0x2ee6: '鸟', 0x2ee7: '卤', 0x2ee8: '麦',
  0x2ee9: '黄', 0x2eea: '黾', 0x2eec: '齐', 0x2eee: '齿', 0x2ef0: '龙', 0x2ef3: '龟',
};

/**
 * Kangxi radicals whose NFKC form is a traditional character: these tables are in simplified Chinese, and a
 * simplified font draws the radical with the simplified glyph (⼾ is drawn as 户, not 戶).
 */
const KANGXI_SIMPLIFIED: Readonly<Record<number, string>> = {
  0x2f3e: '户', 0x2f92: '见', 0x2f99: '贝', 0x2f9e: '车', 0x2fa7: '长', 0x2fa8: '门', 0x2fb1: '韦', 0x2fb4: '页',
  0x2fb5: '风', 0x2fb6: '飞', 0x2fba: '马', 0x2fbe: '斗', 0x2fc2: '鱼', 0x2fc3: '鸟', 0x2fc4: '卤', 0x2fc6: '麦',
  0x2fc8: '黄', 0x2fcd: '黾', 0x2fd1: '齐', 0x2fd2: '齿', 0x2fd3: '龙', 0x2fd4: '龟',
};

/**
 * The ordinary form of one code point: '' to drop it (zero-width characters), the character itself when
 * nothing applies.
 */
export function normalizeCodePoint(cp: number): string {
  const simplified = KANGXI_SIMPLIFIED[cp];
  if (simplified !== undefined) return simplified;
  // Kangxi radicals and CJK compatibility ideographs: NFKC gives the unified ideograph.
  if ((cp >= 0x2f00 && cp <= 0x2fd5) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x2f800 && cp <= 0x2fa1f)) {
    return String.fromCodePoint(cp).normalize('NFKC');
  }
  const radical = RADICAL_SUPPLEMENT[cp];
  if (radical !== undefined) return radical;
  // Full-width digits and Latin letters: ASCII, so amounts and codes parse.
  if ((cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a)) {
    return String.fromCodePoint(cp - 0xfee0);
  }
  // The dash of Chinese text (破折号, GB 2312 0xA1AA) is U+2015 in the original GB 2312 tables and U+2014 in
  // GB 18030; fonts share one glyph, and a ToUnicode map may pick either (Chromium with Droid Sans Fallback
  // writes ― for —). The em dash is the form the tables are written in.
  if (cp === 0x2015) return '\u2014';
  // The same for the tilde of a range (GB 2312 0xA1AB, 30%～40%): U+FF5E in GB 18030, U+301C (the wave dash of
  // JIS tables) in some ToUnicode maps (Chromium with Noto Sans CJK SC and LXGW WenKai writes 〜).
  if (cp === 0x301c) return '\uff5e';
  // Odd spaces become a plain space; U+3000 (ideographic space) is a real character of CJK text and stays.
  if (cp === 0xa0 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f) return ' ';
  if ((cp >= 0x200b && cp <= 0x200d) || cp === 0xfeff || cp === 0xad || cp === 0x2060) return '';
  return String.fromCodePoint(cp);
}

/** `normalizeCodePoint` over a whole string. */
export function normalizeText(text: string): string {
  let out = '';
  for (const ch of text) out += normalizeCodePoint(ch.codePointAt(0)!);
  return out;
}

/** Code points a text layer should never yield: replacement character, private use, controls. */
export function isGarbageCodePoint(cp: number): boolean {
  return (
    cp === 0xfffd ||
    (cp >= 0xe000 && cp <= 0xf8ff) ||
    cp >= 0xf0000 ||
    (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) ||
    (cp >= 0x7f && cp < 0xa0)
  );
}

/**
 * Code points that belong in a Chinese government table: Han, ASCII, Latin-1, general punctuation, letterlike
 * and math symbols, enclosed numbers, CJK symbols and punctuation, full-width forms. A glyph-to-Unicode map
 * that is missing or wrong yields mostly code points outside these.
 */
export function isExpectedCodePoint(cp: number): boolean {
  if (cp >= 0x20 && cp <= 0x7e) return true;
  if (cp >= 0xa0 && cp <= 0xff) return true;
  if (cp >= 0x2000 && cp <= 0x22ff) return true; // punctuation, super/subscripts, letterlike, number forms, arrows, math
  if (cp >= 0x2460 && cp <= 0x25ff) return true; // enclosed numbers ①, box drawing, geometric shapes ■●
  if (cp === 0x2605 || cp === 0x2606 || (cp >= 0x2610 && cp <= 0x2612) || (cp >= 0x2713 && cp <= 0x2718)) return true; // ★☆☐☑☒✓✗
  if (cp >= 0x2e80 && cp <= 0x2fdf) return true; // radicals (normalized later)
  if (cp >= 0x3000 && cp <= 0x303f) return true; // CJK symbols and punctuation
  if (cp >= 0x3200 && cp <= 0x33ff) return true; // enclosed CJK, compatibility (㎡)
  if (cp >= 0x3400 && cp <= 0x9fff) return true; // Han
  if (cp >= 0xf900 && cp <= 0xfaff) return true;
  if (cp >= 0xfe30 && cp <= 0xfe4f) return true; // CJK compatibility forms
  if (cp >= 0xff00 && cp <= 0xffef) return true; // full-width forms
  if (cp >= 0x20000 && cp <= 0x3134f) return true; // Han extensions
  return cp === 0x09 || cp === 0x0a || cp === 0x0d;
}

/**
 * The 3,755 most common Chinese characters (GB 2312 level 1), decoded from their GB 2312 codes. Real Chinese
 * text is almost all made of them; a broken glyph map that lands in the Han range spreads evenly over all
 * 90,000 ideographs and rarely hits one.
 */
let commonHan: Set<string> | null = null;
export function isCommonHan(ch: string): boolean {
  if (!commonHan) {
    const decoder = new TextDecoder('gb18030');
    const bytes: number[] = [];
    for (let hi = 0xb0; hi <= 0xd7; hi++) for (let lo = 0xa1; lo <= (hi === 0xd7 ? 0xf9 : 0xfe); lo++) bytes.push(hi, lo);
    commonHan = new Set(decoder.decode(new Uint8Array(bytes)));
  }
  return commonHan.has(ch);
}

/**
 * Below this share of common characters among at least `MIN_HAN_FOR_COMMON_TEST` (10) Han characters, the Han
 * text is noise.
 * @default 0.7
 */
export const DEFAULT_MIN_COMMON_HAN_SHARE = 0.7;
const MIN_HAN_FOR_COMMON_TEST = 10;

/** What `assessTextLayer` found. */
export interface TextLayerQuality {
  /** Non-space characters on the page. */
  characters: number;
  /** Share (0..1) of those that are garbage or not expected in such a table. */
  suspectShare: number;
  /** Share (0..1) of Han characters. */
  hanShare: number;
  /** Share (0..1) of the Han characters that are common ones (GB 2312 level 1). */
  commonHanShare: number;
  /** Whether the text layer can be used. */
  usable: boolean;
  /** Why it cannot, in a sentence; undefined when usable. */
  reason?: string;
}

/**
 * Share of suspect characters above which a text layer is rejected.
 * @default 0.1
 */
export const DEFAULT_MAX_SUSPECT_SHARE = 0.1;

/** Decide whether a page's text layer is real text or the output of a broken glyph-to-Unicode map. */
export function assessTextLayer(text: string, maxSuspectShare = DEFAULT_MAX_SUSPECT_SHARE): TextLayerQuality {
  let characters = 0;
  let garbage = 0;
  let unexpected = 0;
  let han = 0;
  let common = 0;
  for (const ch of normalizeText(text)) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x20 || cp === 0x3000 || cp === 0x09 || cp === 0x0a || cp === 0x0d) continue;
    characters++;
    if (isGarbageCodePoint(cp)) garbage++;
    else if (!isExpectedCodePoint(cp)) unexpected++;
    if ((cp >= 0x3400 && cp <= 0x9fff) || cp >= 0x20000) {
      han++;
      if (isCommonHan(ch)) common++;
    }
  }
  if (characters === 0) {
    return { characters, suspectShare: 0, hanShare: 0, commonHanShare: 0, usable: false, reason: 'the page has no text layer' };
  }
  const suspectShare = (garbage + unexpected) / characters;
  const hanShare = han / characters;
  const commonHanShare = han === 0 ? 1 : common / han;
  const measured = { characters, suspectShare, hanShare, commonHanShare };
  const cause = '(a font without a usable ToUnicode map)';
  if (han >= MIN_HAN_FOR_COMMON_TEST && commonHanShare < DEFAULT_MIN_COMMON_HAN_SHARE) {
    const share = (commonHanShare * 100).toFixed(0);
    return { ...measured, usable: false, reason: `text layer is unreadable: only ${share}% of ${han} Chinese characters are common ones ${cause}` };
  }
  if (suspectShare > maxSuspectShare) {
    const what = garbage >= unexpected ? 'replacement or private-use code points' : 'code points foreign to the table';
    const share = (suspectShare * 100).toFixed(0);
    return { ...measured, usable: false, reason: `text layer is unreadable: ${share}% of ${characters} characters are ${what} ${cause}` };
  }
  return { ...measured, usable: true };
}

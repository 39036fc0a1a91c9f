/**
 * Doubtful characters read again from the words around them, as the document writes them elsewhere with
 * confidence.
 */
import { describe, expect, it } from 'vitest';
import { CONTEXT_REPAIR_CONFIDENCE, countContexts, resolveDoubtsByContext } from '../extractors/text/document-context.js';
import { charRepairs, type CharBox, type PositionedText } from '../extractors/text/positioned-text.js';

const SURE = 0.9;

/** An OCR-read text; the characters at the indices in `doubtful` were read at 0.5, the others at 0.98. */
function read(text: string, doubtful: number[] = []): PositionedText {
  return { text, boxes: [...text].map((_, i): CharBox => ({ page: 1, bbox: [i * 10, 0, i * 10 + 10, 10], confidence: doubtful.includes(i) ? 0.5 : 0.98 })) };
}

describe('resolveDoubtsByContext', () => {
  it('reads two doubtful characters as the document writes them between the same two sure ones, flagged', () => {
    // 殡葬 read as 谍荆 (both doubtful) between 区 and 管, where the document writes 区殡葬管 twice with confidence.
    const cell = read('广州市荔湾区谍荆管理所', [6, 7]);
    const contexts = countContexts([read('荔湾区殡葬管理所惠民殡葬'), read('广州市荔湾区殡葬管理所'), cell], SURE);
    const out = resolveDoubtsByContext(cell, contexts, SURE);
    expect(out.text).toBe('广州市荔湾区殡葬管理所');
    expect(out.boxes[6]).toMatchObject({ confidence: CONTEXT_REPAIR_CONFIDENCE });
    expect(charRepairs(out)).toEqual(['谍荆 read as 殡葬: the document writes 区殡葬管 elsewhere, 2 times']);
  });

  it('leaves a doubtful character alone where the document writes more than one thing there, or only once', () => {
    const cell = read('培育社区组织', [3]);
    // 社会组织 and 社区组织 both: the context does not decide.
    expect(resolveDoubtsByContext(cell, countContexts([read('社会组织'), read('社会组织'), read('社区组织')], SURE), SURE).text).toBe(cell.text);
    // 社会组织 once: too little.
    expect(resolveDoubtsByContext(cell, countContexts([read('社会组织')], SURE), SURE).text).toBe(cell.text);
  });

  it('counts no context that holds a doubtful character, and leaves a sure character alone', () => {
    const contexts = countContexts([read('区谍荆管', [1, 2]), read('区谍荆管', [1, 2])], SURE);
    expect(contexts.size).toBe(0);
    const sure = read('区殡葬管');
    expect(resolveDoubtsByContext(sure, countContexts([read('区谍荆管'), read('区谍荆管')], SURE), SURE).text).toBe('区殡葬管');
  });
});

/**
 * Stage: the document's title, department and currency unit, from the lines above the table.
 */
import { sliceText, trimText, type PositionedText } from '../../extractors/text/positioned-text.js';
import { DEFAULT_TITLE_FORM_SETTINGS, repairTitle } from '../../extractors/text/title-forms.js';
import { capByOcr, capConfidence, fieldFrom, type DraftField } from '../field.js';
import { MISSING_CAP } from '../confidence.js';
import type { DraftDocumentFields, Stage, TableRowsResult } from '../types.js';

export const readDocumentFields: Stage<TableRowsResult, DraftDocumentFields> = (result, ctx) => {
  const spec = ctx.profile.table.documentFields;
  const lines = result.headerLines;
  const confidence = result.pieces[0]?.readConfidence ?? 0;
  const notes = result.pieces[0]?.notes.filter((n) => n.startsWith('text layer')) ?? [];

  const missing = (what: string): DraftField<string> => {
    const f = fieldFrom('', null, confidence);
    capConfidence(f, MISSING_CAP, `no ${what} found above the table`);
    return f;
  };

  const firstMatch = (patterns: RegExp[]): { text: PositionedText; start: number; end: number; value: string } | null => {
    for (const line of lines) {
      for (const re of patterns) {
        const m = re.exec(line.text.text);
        if (m && m[1] !== undefined && m[1].trim()) {
          const start = m.index + m[0].indexOf(m[1]);
          const value = trimText(sliceText(line.text, start, start + m[1].length));
          const offset = line.text.text.indexOf(value.text, start);
          return { text: line.text, start: offset, end: offset + value.text.length, value: value.text };
        }
      }
    }
    return null;
  };

  /** A field read from a match, or the missing field when there is none. */
  const read = (found: { text: PositionedText; start: number; end: number; value: string } | null, what: string): DraftField<string> => {
    if (!found) return missing(what);
    const field = fieldFrom(found.value, found.text, confidence, notes, found.start, found.end);
    capByOcr(field, found.text, found.start, found.end);
    return field;
  };

  const titleLine = [...lines].filter((l) => spec.title.test(l.text.text)).sort((a, b) => b.size - a.size)[0];
  const titleRead = titleLine ? trimText(titleLine.text) : null;
  const titleText = titleRead && repairTitle(titleRead, spec.titleForms ?? [], { ...DEFAULT_TITLE_FORM_SETTINGS, sure: ctx.settings.reviewThreshold });
  const title = read(titleText && { text: titleText, start: 0, end: titleText.text.length, value: titleText.text }, 'title');
  const department = read(firstMatch(spec.department), 'department (部门名称)');
  const currencyUnit = read(firstMatch(spec.currencyUnit), 'currency unit (单位：万元)');
  return { title, department, currencyUnit };
};

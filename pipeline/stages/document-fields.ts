/**
 * Stage: the document's title, department and currency unit, from the lines above the table.
 */
import { sliceText, trimText, type PositionedText } from '../../extractors/text/positioned-text.js';
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

  const titleLine = [...lines].filter((l) => spec.title.test(l.text.text)).sort((a, b) => b.size - a.size)[0];
  const title = titleLine ? fieldFrom(titleLine.text.text.trim(), trimText(titleLine.text), confidence, notes) : missing('title');
  if (titleLine) capByOcr(title, trimText(titleLine.text));
  const dept = firstMatch(spec.department);
  const department = dept ? fieldFrom(dept.value, dept.text, confidence, notes, dept.start, dept.end) : missing('department (部门名称)');
  if (dept) capByOcr(department, dept.text, dept.start, dept.end);
  const unit = firstMatch(spec.currencyUnit);
  const currencyUnit = unit ? fieldFrom(unit.value, unit.text, confidence, notes, unit.start, unit.end) : missing('currency unit (单位：万元)');
  if (unit) capByOcr(currencyUnit, unit.text, unit.start, unit.end);
  return { title, department, currencyUnit };
};

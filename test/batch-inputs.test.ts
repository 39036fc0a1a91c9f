/**
 * What a batch is given (files, folders, globs), where each output goes, the year of each document, the
 * pipeline's version that keys what is done, and the sweeping of what a killed run left.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleTemps } from '../batch/files.js';
import { commonFolder, expandInputs, fixedPart } from '../batch/inputs.js';
import { packageVersion, pipelineVersion } from '../batch/pipeline-version.js';
import { documentYear } from '../batch/year.js';

/** A folder tree from `{ 'a/b.pdf': '' }`. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'jixiao-inputs-'));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), body);
  }
  return root;
}

describe('expandInputs', () => {
  const root = tree({
    'in/2024/a.pdf': '',
    'in/2024/b.PNG': '',
    'in/2024/notes.txt': '',
    'in/2024/.hidden.pdf': '',
    'in/2024/.cache/c.pdf': '',
    'in/2025/a.pdf': '',
    'in/2025/deep/d.tiff': '',
    'other/x.jpg': '',
  });

  it('searches folders recursively for inputs, sorted, leaving out other files and hidden ones', async () => {
    const { inputs, unmatched } = await expandInputs(['in'], root);
    expect(unmatched).toEqual([]);
    expect(inputs.map((i) => i.file)).toEqual(['in/2024/a.pdf', 'in/2024/b.PNG', 'in/2025/a.pdf', 'in/2025/deep/d.tiff']);
    expect(inputs.map((i) => i.path)).toEqual(inputs.map((i) => path.join(root, i.file)));
  });

  it('mirrors paths below the folder given, so the same name in two folders never collides', async () => {
    const { inputs } = await expandInputs(['in'], root);
    expect(inputs.map((i) => i.output)).toEqual(['2024/a.json', '2024/b.json', '2025/a.json', '2025/deep/d.json']);
  });

  it('mirrors below the folder holding every input when files come from several folders', async () => {
    const { inputs } = await expandInputs(['in/2024/a.pdf', 'in/2025/a.pdf'], root);
    expect(inputs.map((i) => i.output)).toEqual(['2024/a.json', '2025/a.json']);
    const two = await expandInputs(['in/2024', 'in/2025'], root);
    expect(two.inputs.map((i) => i.output)).toEqual(['2024/a.json', '2024/b.json', '2025/a.json', '2025/deep/d.json']);
  });

  it('writes a single file, or files of one folder, to <base name>.json', async () => {
    expect((await expandInputs(['in/2024/a.pdf'], root)).inputs.map((i) => i.output)).toEqual(['a.json']);
    expect((await expandInputs(['in/2024/a.pdf', 'in/2024/b.PNG'], root)).inputs.map((i) => i.output)).toEqual(['a.json', 'b.json']);
  });

  it('expands globs, mirroring below their fixed part, and reports a glob that matches nothing', async () => {
    const { inputs, unmatched } = await expandInputs(['in/**/*.pdf', 'nothing/*.pdf'], root);
    expect(inputs.map((i) => i.file)).toEqual(['in/2024/a.pdf', 'in/2025/a.pdf']);
    expect(inputs.map((i) => i.output)).toEqual(['2024/a.json', '2025/a.json']);
    expect(unmatched).toEqual(['nothing/*.pdf']);
  });

  it('takes an input once however often it is named, and keeps a missing file to fail on its own', async () => {
    const { inputs, unmatched } = await expandInputs(['in/2024/a.pdf', 'in/2024', 'in/missing.pdf'], root);
    expect(inputs.map((i) => i.file)).toEqual(['in/2024/a.pdf', 'in/2024/b.PNG', 'in/missing.pdf']);
    expect(unmatched).toEqual([]);
  });

  it('finds the fixed part of a glob and the common folder of paths', () => {
    expect(fixedPart('in/2024/**/*.pdf')).toBe('in/2024');
    expect(fixedPart('*.pdf')).toBe('.');
    expect(fixedPart('in/{2024,2025}/*.pdf')).toBe('in');
    expect(commonFolder(['/a/b/c', '/a/b/d', '/a/b'])).toBe('/a/b');
    expect(commonFolder(['/a/b', '/c'])).toBe('/');
  });
});

describe('documentYear', () => {
  it('takes --year first, then the title, then the nearest folder named by a year', () => {
    expect(documentYear(2023, '2024年项目支出绩效目标表', 'in/2025/a.pdf')).toEqual({ year: 2023, source: 'option' });
    expect(documentYear(undefined, '2024年项目支出绩效目标表', 'in/2025/a.pdf')).toEqual({ year: 2024, source: 'title' });
    expect(documentYear(undefined, '项目支出绩效目标表（2024 年度）', 'a.pdf')).toEqual({ year: 2024, source: 'title' });
    expect(documentYear(undefined, '项目支出绩效目标表', 'in/2022/2025年预算/a.pdf')).toEqual({ year: 2025, source: 'folder' });
    expect(documentYear(undefined, '项目支出绩效目标表', 'in/2022/x/a.pdf')).toEqual({ year: 2022, source: 'folder' });
  });

  it('finds no year in numbers that only contain one, and says so', () => {
    expect(documentYear(undefined, '项目编号12024号', 'in/120245/a2024.pdf')).toEqual({ year: null, source: null });
    expect(documentYear(undefined, null, 'a.pdf')).toEqual({ year: null, source: null });
  });
});

describe('pipelineVersion', () => {
  it('is the package version and a digest that changes with the settings that change the output', () => {
    const v = pipelineVersion({ reviewThreshold: 0.9, ocr: true });
    expect(v).toMatch(new RegExp(`^${packageVersion().replace(/\./g, '\\.')}\\+[0-9a-f]{12}$`));
    expect(pipelineVersion({ reviewThreshold: 0.9, ocr: true })).toBe(v);
    expect(pipelineVersion({ reviewThreshold: 0.95, ocr: true })).not.toBe(v);
    expect(pipelineVersion({ reviewThreshold: 0.9, ocr: false })).not.toBe(v);
  });
});

describe('removeStaleTemps', () => {
  it('removes the temporary files a killed run left, at any depth, and nothing else', async () => {
    const root = tree({
      'a.json': '{}',
      '.a.json.0123456789ab.tmp': '{',
      '2024/.b.json.abcdef012345.tmp': '{',
      '.jixiao/done/2024/.b.json.ffffffffffff.tmp': '{',
      '2024/.keep.tmp': '',
      '2024/c.json.0123456789ab.tmp': '',
    });
    expect(await removeStaleTemps(root)).toBe(3);
    expect(['a.json', '2024/.keep.tmp', '2024/c.json.0123456789ab.tmp'].every((f) => existsSync(path.join(root, f)))).toBe(true);
    expect(existsSync(path.join(root, '.a.json.0123456789ab.tmp'))).toBe(false);
  });
});

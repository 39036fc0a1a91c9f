/**
 * The 项目支出绩效目标表 profile with its stages, as the pipeline takes it.
 */
import type { ProfileStages } from '../../../pipeline/types.js';
import { checkProjectRows } from './checks.js';
import { PROJECT_EXPENDITURE_PROFILE } from './profile.js';
import { parseProjectRows } from './rows.js';

export const projectExpenditure: ProfileStages = {
  table: PROJECT_EXPENDITURE_PROFILE,
  parseRows: parseProjectRows,
  checkRows: checkProjectRows,
};

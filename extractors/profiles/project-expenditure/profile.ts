/**
 * The 项目支出绩效目标表 (project-expenditure performance-target table) as a profile.
 */
import type { TableProfile } from '../profile.js';

export const PROJECT_EXPENDITURE_COLUMNS = {
  name: 'name',
  total: 'total',
  fiscal: 'fiscal',
  specialAccount: 'specialAccount',
  other: 'other',
  goal: 'goal',
  indicators: 'indicators',
} as const;

export const PROJECT_EXPENDITURE_PROFILE: TableProfile = {
  id: 'project-expenditure',
  tableName: '项目支出绩效目标表',
  columns: [
    { key: 'name', label: /项目名称|资金使用单位|项目\(单位\)名称|单位名称/, role: 'name', words: ['项目名称', '资金使用单位', '单位名称'] },
    // 财政专户拨款 before 财政拨款: the more specific label first.
    { key: 'specialAccount', label: /财政专户/, role: 'amount', words: ['财政专户拨款', '财政专户'] },
    { key: 'fiscal', label: /财政拨款|一般公共预算|财政资金/, role: 'amount', words: ['财政拨款', '一般公共预算', '财政资金'] },
    { key: 'other', label: /^其他|其他资金/, role: 'amount', words: ['其他资金'] },
    { key: 'total', label: /^(总计|合计|小计|资金总额|预算总额|总额|金额合计|预算金额|项目金额)(\(.*\))?$/, role: 'amount' },
    { key: 'goal', label: /绩效目标/, role: 'text', words: ['绩效目标'] },
    { key: 'indicators', label: /绩效指标/, role: 'text', words: ['绩效指标'] },
    // Recognized so that its cells are not reported as stray text; no field is read from it.
    { key: 'rowNumber', label: /^(序号|编号)$/, role: 'text' },
  ],
  layoutOrder: ['name', 'total', 'fiscal', 'specialAccount', 'other', 'goal', 'indicators'],
  minHeaderMatches: 2,
  documentFields: {
    title: /绩效目标表|绩效目标申报表|绩效目标/,
    // The table's titles: alone, with the transfer payments it covers (as the districts of 广州 print it), and
    // as the budget request form.
    titleForms: ['项目支出绩效目标表', '项目支出绩效目标表（含转移支付项目）', '项目支出绩效目标申报表'],
    // OCR reads the colon after 单位 as ; now and then: before a currency unit, nothing else stands there.
    department: [/(?:部门名称|单位名称|预算单位|编制单位|部门)\s*[:：]\s*(.+?)(?:\s{2,}|\s*(?:金额)?单位\s*[:：;；]|$)/],
    currencyUnit: [/(?:金额)?单位\s*[:：;；]\s*((?:人民币)?(?:万元|千元|亿元|元))/],
  },
};

/** Names of the total row. */
export const TOTAL_ROW_NAMES = /^(合计|总计)$/;


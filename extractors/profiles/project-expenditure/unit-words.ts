/**
 * The words a target's unit is made of in these tables (次, 人次, 万元, 个工作日, 平方米, 元/人·年): measure words and
 * units of money, time, length, area, mass and energy, each after an optional 万, 亿 or 千. A unit is known when
 * its parts, split at / and ·, are each such words, a bracketed alternative allowed after one (台（套）).
 */

/** Measure words and units of one character. */
const ONE_CHARACTER =
  '个次人家户场件份台宗日天项座条期处块吨所亩册张名辆株元卷类栋篇只页棵间门路艘批核种例组支盆丛封盏架米部周月年季本套头尾羽斤秒层幅堂节轮班站首集枚片根双对床位起克度顷方盒瓶袋包箱桶笔单餐届幢口井眼趟帧行列分生校叶副';

/** Units of more than one character (longest matched first). */
const LONGER = [
  '个工作日', '工作日', '个百分点', '百分点', '个月', '个小时', '小时', '分钟', '季度', '学年', '学期', '课时', '学时',
  '平方公里', '平方米', '立方米', '公里', '千米', '公顷', '公斤', '千克', '毫克', '千瓦时', '千瓦', '标准煤',
  '人次', '户次', '家次', '批次', '车次', '辆次', '艘次', '场次', '件次', '项次', '条次', '剂次', '样次', '册次', '亩次', '班次', '台套', '台次',
  '品种', '岗位', '美元',
];

const WORD = `(?:${[...LONGER].sort((a, b) => b.length - a.length).join('|')}|[${ONE_CHARACTER}])`;

/** One part of a unit: an optional 万, 亿 or 千, words, and an optional bracketed alternative. */
const UNIT_PART = new RegExp(`^[万亿千]?${WORD}+(?:[（(]${WORD}{1,2}[）)])?$`, 'u');

/** Whether `unit` (a target's unit as read: 万元/个, 元/人·年) is made of the tables' unit words. */
export function isKnownUnit(unit: string): boolean {
  return unit.length > 0 && unit.split(/[/·]/).every((part) => UNIT_PART.test(part));
}

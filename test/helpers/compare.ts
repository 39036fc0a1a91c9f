/** The comparison with a sample's expected JSON lives with the benchmark, which uses it too. */
export { compareWithExpected, type FieldMiss } from '../../bench/compare.js';

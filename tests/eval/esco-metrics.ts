// Ranking and path metrics of the ESCO-grounded relevance evaluation
// (esco-relevance.ts). Pure functions over grades and dates.

/** Graded gain of a relevance grade: 2^grade − 1 (0, 1, 3), the usual exponential gain of nDCG. */
export function gain(grade: number): number {
  return 2 ** grade - 1;
}

function dcg(grades: readonly number[], k: number): number {
  let sum = 0;
  for (let i = 0; i < Math.min(k, grades.length); i++) sum += gain(grades[i]) / Math.log2(i + 2);
  return sum;
}

/**
 * nDCG@k of a ranking: `ranked` are the grades of what the engine returned, in
 * its order (fewer than k when it returned fewer: empty places gain nothing);
 * the ideal ordering is every pool member's grade, best first. 1 when the pool
 * holds nobody relevant and the ranking shows nobody relevant either.
 */
export function ndcgAt(k: number, ranked: readonly number[], pool: readonly number[]): number {
  const ideal = dcg([...pool].sort((a, b) => b - a), k);
  if (ideal === 0) return 1;
  return dcg(ranked, k) / ideal;
}

export interface DatedCourse {
  /** ISO dates (YYYY-MM-DD), both days included. */
  startDate: string;
  endDate: string;
}

/** Whether two courses share a day: one cannot finish a course on a day one starts another. */
export function coursesOverlap(a: DatedCourse, b: DatedCourse): boolean {
  return a.startDate <= b.endDate && b.startDate <= a.endDate;
}

/** Whether any two courses of a path overlap in time. */
export function pathOverlaps(path: readonly DatedCourse[]): boolean {
  for (let i = 0; i < path.length; i++) for (let j = i + 1; j < path.length; j++) if (coursesOverlap(path[i], path[j])) return true;
  return false;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;
}

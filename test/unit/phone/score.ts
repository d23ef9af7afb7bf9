/**
 * Precision and recall of a phone finder over the corpus, counting numbers (E.164 with extension):
 * a found number is a true positive when the case expects it (each expected number matches once).
 */
import type { Case } from './corpus';

export interface Score {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  /** Cases whose found numbers are exactly the expected ones, in order. */
  readonly exactCases: number;
  readonly cases: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** A finder reduced to what is scored: the E.164 numbers found in `text`, in order. */
export type E164Finder = (text: string, region: string | undefined) => string[];

export function score(corpus: readonly Case[], find: E164Finder): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let exact = 0;
  for (const c of corpus) {
    const found = find(c.text, c.region);
    const expected = c.expected.map(([, e164]) => e164);
    if (found.length === expected.length && found.every((e, i) => e === expected[i])) exact++;
    const left = [...expected];
    for (const e of found) {
      const i = left.indexOf(e);
      if (i >= 0) {
        tp++;
        left.splice(i, 1);
      } else fp++;
    }
    fn += left.length;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    exactCases: exact,
    cases: corpus.length,
    precision,
    recall,
    f1,
  };
}

export const formatScore = (name: string, s: Score): string =>
  `${name.padEnd(34)} precision ${(s.precision * 100).toFixed(1).padStart(5)}%  recall ${(s.recall * 100)
    .toFixed(1)
    .padStart(5)}%  F1 ${s.f1.toFixed(3)}  (TP ${s.truePositives}, FP ${s.falsePositives}, FN ${
    s.falseNegatives
  }; exact cases ${s.exactCases}/${s.cases})`;

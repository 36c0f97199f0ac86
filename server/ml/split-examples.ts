// A seeded, stratified split into training, validation and test sets: each
// set keeps the share of false alarms of the whole, and the same data and
// seed always give the same split.
export type Split<T> = { train: T[]; validation: T[]; test: T[] };

/** mulberry32: a small, well-known 32-bit PRNG; enough for shuffling. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function splitExamples<T>(
  items: T[],
  labelOf: (item: T) => number,
  {
    validationShare = 0.15,
    testShare = 0.2,
    seed = 1,
  }: { validationShare?: number; testShare?: number; seed?: number } = {},
): Split<T> {
  const random = seededRandom(seed);
  const split: Split<T> = { train: [], validation: [], test: [] };
  for (const label of [0, 1]) {
    const group = shuffle(
      items.filter((item) => labelOf(item) === label),
      random,
    );
    const testCount = Math.max(1, Math.round(group.length * testShare));
    const validationCount = Math.max(1, Math.round(group.length * validationShare));
    split.test.push(...group.slice(0, testCount));
    split.validation.push(...group.slice(testCount, testCount + validationCount));
    split.train.push(...group.slice(testCount + validationCount));
  }
  return { train: shuffle(split.train, random), validation: split.validation, test: split.test };
}

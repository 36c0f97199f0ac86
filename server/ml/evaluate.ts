// Scores for a binary classifier: ROC AUC (the chance that a random false
// alarm scores above a random real alarm, ties counted half) and accuracy at
// a 0.5 threshold.
export function rocAuc(labels: number[], scores: number[]): number | null {
  const pairs = labels.map((label, i) => ({ label, score: scores[i]! })).sort((a, b) => a.score - b.score);
  const positives = pairs.filter((p) => p.label === 1).length;
  const negatives = pairs.length - positives;
  if (positives === 0 || negatives === 0) return null;
  // Mann-Whitney U from average ranks (tied scores share their mean rank).
  let rankSum = 0;
  for (let i = 0; i < pairs.length;) {
    let j = i;
    while (j + 1 < pairs.length && pairs[j + 1]!.score === pairs[i]!.score) j++;
    const meanRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (pairs[k]!.label === 1) rankSum += meanRank;
    i = j + 1;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function accuracy(labels: number[], scores: number[]): number {
  if (labels.length === 0) return 0;
  const right = labels.filter((label, i) => (scores[i]! >= 0.5 ? 1 : 0) === label).length;
  return right / labels.length;
}

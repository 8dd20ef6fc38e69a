/**
 * How many letters must change, go, come or swap places to turn one word into the other (the
 * optimal string alignment distance): `Mødedto` is one from `Mødedato`, `cpr-nrr.` one from
 * `cpr-nr.`. For short words (labels, abbreviations); quadratic in their lengths.
 */
export function editDistance(a: string, b: string): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1);
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      row[j] = v;
    }
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}

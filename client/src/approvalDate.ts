// The approval's date as she types it and reads it: the forms the referat writes its dates in, and the one the protocol carries.

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** A day as the referat writes its dates: `02-05-2024`, `2.5.2024`, `2/5/2024`. */
const DAY_FIRST = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/;

/** The date she typed, as the protocol carries it (YYYY-MM-DD, which compares as the days it names), where it is a day that exists. */
export function approvalDate(typed: string): string | undefined {
  const v = typed.trim();
  const iso = ISO_DATE.exec(v);
  const dayFirst = iso ? undefined : DAY_FIRST.exec(v);
  const [year, month, day] = iso ? [iso[1]!, iso[2]!, iso[3]!] : dayFirst ? [dayFirst[3]!, dayFirst[2]!, dayFirst[1]!] : [];
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `2024-05-02` → `02-05-2024`: a day shown to her as the referat and its approval write it. */
export function dayFirst(iso: string): string {
  const m = ISO_DATE.exec(iso.trim());
  return m ? `${m[3]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}-${m[1]!}` : iso;
}

/**
 * Publication dates: "January 2, 2026", "Jan. 2, 2026", "Sept 2 2026", "2 January 2026", "2nd January, 2026"
 * and ISO "2026-01-02" → "2026-01-02". Anything else (or an impossible day) → null.
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1,
  feb: 2, february: 2,
  mar: 3, march: 3,
  apr: 4, april: 4,
  may: 5,
  jun: 6, june: 6,
  jul: 7, july: 7,
  aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  oct: 10, october: 10,
  nov: 11, november: 11,
  dec: 12, december: 12,
};

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';

// Month D, YYYY  |  Mon. D YYYY
const MDY = new RegExp(`\\b${MONTH}\\.? ${DAY},? ${YEAR}\\b`, 'i');
// D Month YYYY  |  D Mon. YYYY
const DMY = new RegExp(`\\b${DAY} ${MONTH}\\.?,? ${YEAR}\\b`, 'i');
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function iso(year: number, month: number, day: number): string | null {
  if (!(year >= 1800 && year <= 2200) || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface FoundDate {
  iso: string;
  /** Where the date text starts and ends in the searched string. */
  start: number;
  end: number;
}

/** Find the first recognisable date in a piece of text. */
export function findDate(text: string): FoundDate | null {
  const t = text.length > 2000 ? text.slice(0, 2000) : text;
  // normalise exotic spaces so "January 2, 2026" matches
  const s = t.replace(/[\u00a0\u2000-\u200a\u202f\t]/g, ' ');
  const candidates: FoundDate[] = [];
  const mdy = MDY.exec(s);
  if (mdy) {
    const d = iso(Number(mdy[3]), MONTHS[(mdy[1] ?? '').toLowerCase()] ?? 0, Number(mdy[2]));
    if (d) candidates.push({ iso: d, start: mdy.index, end: mdy.index + mdy[0].length });
  }
  const dmy = DMY.exec(s);
  if (dmy) {
    const d = iso(Number(dmy[3]), MONTHS[(dmy[2] ?? '').toLowerCase()] ?? 0, Number(dmy[1]));
    if (d) candidates.push({ iso: d, start: dmy.index, end: dmy.index + dmy[0].length });
  }
  const isoM = ISO.exec(s);
  if (isoM) {
    const d = iso(Number(isoM[1]), Number(isoM[2]), Number(isoM[3]));
    if (d) candidates.push({ iso: d, start: isoM.index, end: isoM.index + isoM[0].length });
  }
  candidates.sort((a, b) => a.start - b.start);
  return candidates[0] ?? null;
}

/** ISO YYYY-MM-DD for a date written in any supported form, or null. */
export function parseDate(text: string | null | undefined): string | null {
  if (!text) return null;
  return findDate(text)?.iso ?? null;
}

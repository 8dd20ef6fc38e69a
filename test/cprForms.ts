// The written forms of a CPR number that a reader still reads as one, shared by the finder's tests
// and the public rendering's: `write(digits)` writes the ten digits in that form.

const FULL_WIDTH = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace('-', '\uff0d');
const ARABIC_INDIC = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));

export interface CprForm {
  readonly what: string;
  readonly write: (digits: string) => string;
}

const six = (d: string): string => d.slice(0, 6);
const four = (d: string): string => d.slice(6);
/** The year of the day written whole, in the century a CPR number's day can be in. */
const year = (d: string): string => `${Number(d.slice(4, 6)) > 57 ? '19' : '20'}${d.slice(4, 6)}`;

export const CPR_FORMS: readonly CprForm[] = [
  { what: 'plain', write: (d) => `${six(d)}-${four(d)}` },
  { what: 'markup around the first part', write: (d) => `**${six(d)}**-${four(d)}` },
  { what: 'underscores', write: (d) => `_${six(d)}_-${four(d)}` },
  { what: 'an escaped hyphen', write: (d) => `${six(d)}\\-${four(d)}` },
  { what: 'a decimal entity', write: (d) => `&#${48 + Number(d[0])};${d.slice(1, 6)}-${four(d)}` },
  { what: 'a hexadecimal entity', write: (d) => `&#x${(48 + Number(d[0])).toString(16)};${d.slice(1, 6)}&#x2d;${four(d)}` },
  { what: 'a named entity for the dash', write: (d) => `${six(d)}&ndash;${four(d)}` },
  { what: 'an en dash', write: (d) => `${six(d)}\u2013${four(d)}` },
  { what: 'a minus sign', write: (d) => `${six(d)}\u2212${four(d)}` },
  { what: 'a spaced hyphen', write: (d) => `${six(d)} - ${four(d)}` },
  { what: 'a tab', write: (d) => `${six(d)}\t${four(d)}` },
  { what: 'a zero-width space', write: (d) => `${d.slice(0, 4)}\u200b${d.slice(4, 6)}-${four(d)}` },
  { what: 'a soft hyphen', write: (d) => `${six(d)}\u00ad-${four(d)}` },
  { what: 'a word joiner', write: (d) => `${d.slice(0, 2)}\u2060${d.slice(2, 4)}\u2060${d.slice(4, 6)}-${four(d)}` },
  { what: 'full-width digits', write: (d) => FULL_WIDTH(`${six(d)}-${four(d)}`) },
  { what: 'code spans', write: (d) => `\`${six(d)}\`-\`${four(d)}\`` },
  { what: 'strike-through', write: (d) => `~~${six(d)}-${four(d)}~~` },
  { what: 'a thin space', write: (d) => `${six(d)}\u2009${four(d)}` },
  { what: 'Arabic-Indic digits', write: (d) => ARABIC_INDIC(`${six(d)}-${four(d)}`) },
  { what: 'a combining mark', write: (d) => `${d[0]}\u0301${d.slice(1, 6)}-${four(d)}` },
  { what: 'no separator', write: (d) => d },
  { what: 'a no-break space', write: (d) => `${six(d)}\u00a0${four(d)}` },
  { what: 'after a digit and a space', write: (d) => `4 ${six(d)}-${four(d)}` },
  { what: 'the first part in dotted pairs', write: (d) => `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}-${four(d)}` },
  { what: 'the first part in spaced pairs', write: (d) => `${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)}-${four(d)}` },
  { what: 'a slash', write: (d) => `${six(d)}/${four(d)}` },
  { what: 'the first part in pairs apart by no-break spaces', write: (d) => `${d.slice(0, 2)}\u00a0${d.slice(2, 4)}\u00a0${d.slice(4, 6)}-${four(d)}` },
  { what: 'the first part in pairs apart by tabs', write: (d) => `${d.slice(0, 2)}\t${d.slice(2, 4)}\t${d.slice(4, 6)}-${four(d)}` },
  { what: 'a dot between the parts', write: (d) => `${six(d)}.${four(d)}` },
  { what: 'the last four split by a space', write: (d) => `${six(d)}-${d.slice(6, 8)} ${d.slice(8)}` },
  // Behind a label that says it is one, however the label and the digits are spaced.
  { what: 'a label with a space, the digits in pairs', write: (d) => `CPR nr. ${d.replace(/(\d\d)(?=\d)/g, '$1 ')}` },
  { what: 'a label with dots, the digits in dotted pairs and four', write: (d) => `Cpr. nr.: ${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}.${four(d)}` },
  { what: 'a spaced label word', write: (d) => `cpr - nummer ${d.slice(0, 7)} ${d.slice(7)}` },
  { what: 'a label joined by a dash', write: (d) => `CPR-${d}` },
  { what: 'after a word and a dash', write: (d) => `borger-${six(d)}-${four(d)}` },
  { what: 'the first part in pairs apart by dashes', write: (d) => `${d.slice(0, 2)}-${d.slice(2, 4)}-${d.slice(4, 6)}-${four(d)}` },
  { what: 'the first part in pairs apart by slashes', write: (d) => `${d.slice(0, 2)}/${d.slice(2, 4)}/${d.slice(4, 6)}-${four(d)}` },
  { what: 'in threes', write: (d) => `${d.slice(0, 3)} ${d.slice(3, 6)} ${four(d)}` },
  { what: 'one digit at a time', write: (d) => `${[...six(d)].join(' ')} - ${[...four(d)].join(' ')}` },
  { what: 'a middle dot', write: (d) => `${six(d)}\u00b7${four(d)}` },
  { what: 'a backslash', write: (d) => `${six(d)}\\${four(d)}` },
  { what: 'a long gap of dashes and spaces', write: (d) => `${six(d)} - - - ${four(d)}` },
  { what: 'a right-to-left override', write: (d) => `\u202e${[...`${six(d)}-${four(d)}`].reverse().join('')}\u202c` },
  {
    what: 'dingbat digits',
    write: (d) => [...`${six(d)}-${four(d)}`].map((c) => (c === '-' ? c : c === '0' ? '\u24ff' : String.fromCharCode(0x2775 + Number(c)))).join(''),
  },
  { what: 'a private use character', write: (d) => `${d.slice(0, 4)}\ue001${d.slice(4, 6)}-${four(d)}` },
  { what: 'percent-encoded in a link', write: (d) => `[sagen](https://kommune.dk/b?id=${[...d].map((c) => `%3${c}`).join('')})` },
  { what: "in a web address's path", write: (d) => `[sagen](https://kommune.dk/borger/${d})` },
  { what: 'letters for digits', write: (d) => `${six(d).replace(/0/g, 'O')}-${four(d).replace(/1/g, 'l')}` },
  { what: "the day's last digits with the four", write: (d) => `${d.slice(0, 4)} ${d.slice(4)}` },
  { what: 'the first part split five and one', write: (d) => `${d.slice(0, 5)} ${d.slice(5, 6)}-${four(d)}` },
  // The year written whole, as a form asks for a birth date (`01011990-1234`).
  { what: 'the year written whole', write: (d) => `${d.slice(0, 4)}${year(d)}-${four(d)}` },
  { what: 'a label, the day in dotted pairs with the year whole', write: (d) => `cpr-nr. ${d.slice(0, 2)}.${d.slice(2, 4)}.${year(d)}-${four(d)}` },
  { what: 'a label, the year whole, all apart by spaces', write: (d) => `cpr ${d.slice(0, 4)} ${year(d)} ${four(d)}` },
  { what: 'two in a row', write: (d) => `${six(d)}-${four(d)} ${six(d)}-${four(d)}` },
];

/** The same forms as the finder's tests spell them out, on one number. */
export const WRITTEN_FORMS: readonly (readonly [string, string])[] = CPR_FORMS.filter((f) => f.what !== 'two in a row').map((f) => [
  f.what,
  f.write('0101901234'),
]);

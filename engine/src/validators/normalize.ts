/**
 * Input normalisation shared by the validators.
 *
 * Codes arrive typed on Chinese IMEs, pasted from Word, WeChat and web pages, or read from Excel. The
 * same code then shows up in full-width form (`９１３２…`, Unicode "Halfwidth and Fullwidth Forms",
 * U+FF01–U+FF5E, which mirror ASCII U+0021–U+007E at a fixed offset of 0xFEE0), with ideographic
 * spaces (U+3000), non-breaking or zero-width spaces, and in lower case. Validators fold all of that
 * away first so that only genuine mistakes are reported.
 *
 * Upper-casing is ASCII-only on purpose: `String#toUpperCase` maps `ß` to `SS` and `ı` to `I`, which
 * would change lengths and positions or turn junk into a valid-looking letter.
 */

const FULL_WIDTH_OFFSET = 0xfee0;
const FULL_WIDTH_OR_IDEOGRAPHIC_SPACE = /[\uFF01-\uFF5E\u3000]/g;
// \s covers ASCII whitespace, NBSP, U+3000 and U+FEFF; zero-width spaces and joiners are added by hand.
const INVISIBLE_OR_SPACE = /[\s\u200B-\u200D\u2060]/g;
const ASCII_LOWER = /[a-z]/g;

/**
 * Folds full-width ASCII (U+FF01–U+FF5E) to ASCII and the ideographic space (U+3000) to a space.
 * Every other character is left as it is, so the result has the same length as the input.
 *
 * @example normalizeFullWidth('９１３２ＡＢ') === '9132AB'
 */
export function normalizeFullWidth(input: string): string {
  return input.replace(FULL_WIDTH_OR_IDEOGRAPHIC_SPACE, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET),
  );
}

/**
 * Normalises a typed or pasted code before validation: folds full-width characters, removes all
 * whitespace (leading, trailing and inner, including zero-width spaces) and upper-cases ASCII letters.
 *
 * @example normalizeCodeInput(' ９１３２ 0000 abc\u3000') === '91320000ABC'
 */
export function normalizeCodeInput(input: string): string {
  return normalizeFullWidth(input)
    .replace(INVISIBLE_OR_SPACE, '')
    .replace(ASCII_LOWER, (ch) => String.fromCharCode(ch.charCodeAt(0) - 32));
}

import { foldVietnamese } from "#app/lib/fold-vietnamese.ts";

// Searching Vietnamese text typed with or without its marks ("nguyen van" finds "Nguyễn Văn") in SQL,
// without a folded column: the typed words are folded (foldVietnamese) and each becomes a pattern.
// - globPattern / regexPattern match exactly (each letter accepts every letter that folds to it, either
//   case), so SQL can count and page the matches: the organiser's attendee list. They match text stored
//   composed (NFC), as the app's forms and imports send it.
// - foldedLikePattern only narrows (a LIKE on the word's consonants, true for composed and decomposed
//   text alike); foldVietnamese then decides on the rows it lets through: the pickers, which show a few
//   dozen matches and need no count.

const VIETNAMESE_LETTERS = "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ";

/** For each folded letter, every letter that folds to it: plain lower and upper case first, the common case. */
const LETTERS_OF: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const letter of [...VIETNAMESE_LETTERS, ...VIETNAMESE_LETTERS.toUpperCase()]) {
    const base = foldVietnamese(letter);
    map.set(base, (map.get(base) ?? base + base.toUpperCase()) + letter);
  }
  return map;
})();

const MAX_WORDS = 8;

/**
 * The words of a search as foldVietnamese folds them (at most eight, every one must occur), or none when
 * they have fewer than `minChars` letters in all.
 */
export function searchWords(query: string, minChars = 1): string[] {
  const words = foldVietnamese(query.slice(0, 100)).split(" ").filter(Boolean).slice(0, MAX_WORDS);
  return words.join("").length < Math.max(1, minChars) ? [] : words;
}

/** The letters a folded character stands for, or null when it stands only for itself. */
function lettersOf(char: string): string | null {
  const known = LETTERS_OF.get(char);
  if (known) return known;
  return /^[a-z]$/.test(char) ? char + char.toUpperCase() : null;
}

/** A SQLite GLOB pattern: the word anywhere in the text. */
export function globPattern(word: string): string {
  const body = [...word].map((char) => {
    const letters = lettersOf(char);
    if (letters) return `[${letters}]`;
    return "*?[".includes(char) ? `[${char}]` : char;
  });
  return `*${body.join("")}*`;
}

/** A PostgreSQL regular expression (for `~`): the word anywhere in the text. */
export function regexPattern(word: string): string {
  return [...word]
    .map((char) => {
      const letters = lettersOf(char);
      if (letters) return `[${letters}]`;
      return /^[.^$|?*+()[\]{}\\]$/.test(char) ? `\\${char}` : char;
    })
    .join("");
}

/**
 * A LIKE pattern every text matches whose folded form contains `word` (itself folded): the letters a
 * folded text may have come from in more than one way (vowels under any tone mark, đ, and whatever is not
 * a plain letter or digit) become "%", the others stay. SQL narrows a search with it without a folded
 * column, on either database and in NFC or NFD text; foldVietnamese then decides. "nguyen" → "%ng%n%".
 * A word with nothing left to narrow by gives "%".
 */
export function foldedLikePattern(word: string): string {
  return `%${word.replace(/[^bcfghjklmnpqrstvwxz0-9]+/g, "%")}%`.replace(/%+/g, "%");
}

/** Lower case without Vietnamese diacritics (đ → d), spaces collapsed: "Tôn Nữ Thị Ửng" → "ton nu thi ung". */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
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

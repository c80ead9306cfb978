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

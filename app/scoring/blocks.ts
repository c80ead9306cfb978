// Ranking blocks (khối): a province ranks departments, wards, and communes with special zones
// separately. A block is named by people, so names that differ only by case or spacing are one block.

/** "Khối  Sở", "khối sở" → "khối sở": case- and whitespace-insensitive, diacritics kept. */
export function blockKey(name: string): string {
  return name.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();
}

/** A block name cleaned for storing and display: NFC, single spaces, trimmed. */
export function cleanBlockName(name: string): string {
  return name.normalize("NFC").replace(/\s+/g, " ").trim();
}

/**
 * The blocks of a set of units in order: first those named in `order` (by key), then the others in
 * order of first appearance; units without a block form the unnamed block (null), listed last.
 */
export function blockOrder(blocks: Array<string | null | undefined>, order: string[] = []): Array<string | null> {
  const seen = new Map<string, string>();
  for (const name of order) if (!seen.has(blockKey(name))) seen.set(blockKey(name), cleanBlockName(name));
  const used = new Set<string>();
  let unnamed = false;
  for (const b of blocks) {
    if (b === null || b === undefined || !b.trim()) unnamed = true;
    else {
      const key = blockKey(b);
      used.add(key);
      if (!seen.has(key)) seen.set(key, cleanBlockName(b));
    }
  }
  const named = [...seen.entries()].filter(([key]) => used.has(key)).map(([, name]) => name);
  return unnamed ? [...named, null] : named;
}

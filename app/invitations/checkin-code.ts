// The short check-in code printed on an invitation ("Mã điểm danh: K7Q-M3X"), typed by an attendee at a
// bridge point's self check-in page when they cannot scan. Derived from the invitation's random key, so it
// needs no column; six Crockford base-32 characters (30 bits) without the look-alikes I, L, O, U.
// Codes are not guaranteed unique within a conference: a collision asks the attendee to pick their name.

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** "K7QM3X" from an invitation key (base64url of 16 random bytes). */
export function checkinCode(invitationKey: string): string {
  const bytes = base64UrlBytes(invitationKey);
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 6) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length === 6) break;
    value &= (1 << bits) - 1;
  }
  return out;
}

/** How the code is printed: two groups of three. */
export function formatCheckinCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

/** What the attendee typed, normalised: case, spaces, dashes, and the look-alikes O→0, I/L→1. */
export function normalizeCheckinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

function base64UrlBytes(text: string): number[] {
  const map = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const out: number[] = [];
  let value = 0;
  let bits = 0;
  for (const ch of text) {
    const v = map.indexOf(ch);
    if (v < 0) continue;
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
      value &= (1 << bits) - 1;
    }
  }
  return out;
}

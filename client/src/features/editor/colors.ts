/**
 * Caret and presence colours. Each person gets one colour from a fixed palette, chosen from
 * their user id, so they keep it across devices and sessions. Every colour reaches at least
 * 4.5:1 against white (caret labels are white text on the colour) and is dark enough to read
 * as a thin caret line on the white page.
 */
export const caretPalette = [
  '#1f5fa8', // blue
  '#a3321e', // brick
  '#1d6b41', // green
  '#7b3fa0', // violet
  '#8a5300', // ochre
  '#0b6a75', // teal
  '#b0195c', // raspberry
  '#4a5a14', // olive
  '#5b4a9e', // indigo
  '#7a4b2a', // brown
] as const;

/** FNV-1a: a stable, well-spread hash of short strings; no cryptographic claim. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function colorForUser(userId: string): string {
  return caretPalette[hash(userId) % caretPalette.length] ?? caretPalette[0];
}

/**
 * A content hash for versions: 64 bits (two independent 32-bit FNV-1a lanes,
 * murmur-finalized) over the normalized text, so the same article saved with
 * other punctuation widths or line breaks is recognised as the same text.
 * Not cryptographic: it only has to tell a reader's few thousand versions apart.
 */
import { mix } from './kgrams';
import { normalize } from './normalize';

function lane(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix(h);
}

/** 16 hex digits identifying the normalized content of `text`. */
export function contentHash(text: string): string {
  const n = normalize(text).norm;
  return (
    lane(n, 0x811c9dc5).toString(16).padStart(8, '0') +
    lane(n, 0x9747b28c ^ n.length)
      .toString(16)
      .padStart(8, '0')
  );
}

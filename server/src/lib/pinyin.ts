import { pinyin } from 'pinyin-pro';

/**
 * Search and sort keys for Chinese names. PGlite has no ICU collation, so sorting by pinyin and
 * matching pinyin initials ("szhd" finds 苏州恒达) use keys stored beside the name.
 * pinyin-pro resolves polyphones from context (重庆 → chongqing, 长沙 → changsha).
 */
export function nameKeys(name: string): { pinyin: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' });
  return {
    pinyin: syllables.join('').toLowerCase().replace(/\s+/g, ''),
    initials: initials.join('').toLowerCase().replace(/\s+/g, ''),
  };
}

/** Escapes LIKE wildcards in user input. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

type Tree = { readonly [key: string]: string | Tree };

function listEntries(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(
    ([key, value]): Array<[string, string]> =>
      typeof value === 'string' ? [[`${prefix}${key}`, value]] : listEntries(value, `${prefix}${key}.`),
  );
}

function listPlaceholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? '').sort();
}

describe('UI strings', () => {
  const chinese = new Map(listEntries(zhCN));
  const english = new Map(listEntries(en));

  it('has an English string for every Chinese key and no other', () => {
    expect([...english.keys()].sort()).toEqual([...chinese.keys()].sort());
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, text] of chinese) {
      expect(listPlaceholders(english.get(key) ?? ''), key).toEqual(listPlaceholders(text));
    }
  });

  it('leaves no English string empty', () => {
    for (const [key, text] of english) expect(text.trim(), key).not.toBe('');
  });
});

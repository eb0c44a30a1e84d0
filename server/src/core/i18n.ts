// Every user-visible string exists in Chinese and English; Chinese is the default.

import type { Localized } from './schema';

export type Locale = 'zh' | 'en';

export function localeFrom(tag: string | undefined | null): Locale {
  return tag && tag.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

export function tr(locale: Locale, text: Localized): string {
  return text[locale];
}

/** Chinese numeral of a section number (1 → 一). */
export function numeral(n: number): string {
  return '一二三四五六七八九十'[n - 1] ?? String(n);
}

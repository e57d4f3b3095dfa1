import type { I18n, I18nCategories } from 'emoji-picker-element/shared';

const LABELS = [
  'categoriesLabel',
  'emojiUnsupportedMessage',
  'favoritesLabel',
  'loadingMessage',
  'networkErrorMessage',
  'regionLabel',
  'searchDescription',
  'searchLabel',
  'searchResultsLabel',
  'skinToneDescription',
  'skinToneLabel',
  'skinTonesLabel',
] as const satisfies readonly (keyof I18n)[];
const SKIN_TONES = ['default', 'light', 'mediumLight', 'medium', 'mediumDark', 'dark'] as const;
const CATEGORIES = [
  'custom',
  'smileys-emotion',
  'people-body',
  'animals-nature',
  'food-drink',
  'travel-places',
  'activities',
  'objects',
  'symbols',
  'flags',
] as const satisfies readonly (keyof I18nCategories)[];

/** The picker's own labels (it ships none in Lithuanian) from our translations, `chat.emojiPicker.*`. */
export function emojiPickerI18n(t: (key: string) => string): I18n {
  const labels = Object.fromEntries(LABELS.map((k) => [k, t(`chat.emojiPicker.${k}`)])) as Record<(typeof LABELS)[number], string>;
  const categories = Object.fromEntries(CATEGORIES.map((k) => [k, t(`chat.emojiPicker.categories.${k}`)])) as Record<
    (typeof CATEGORIES)[number],
    string
  >;
  return { ...labels, categories, skinTones: SKIN_TONES.map((k) => t(`chat.emojiPicker.skinTones.${k}`)) };
}

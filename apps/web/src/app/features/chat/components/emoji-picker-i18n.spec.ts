import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emojiPickerI18n } from './emoji-picker-i18n';

type Tree = { [key: string]: string | Tree };
const load = (lang: string): Tree => JSON.parse(readFileSync(join(__dirname, `../../../../../public/i18n/${lang}.json`), 'utf8')) as Tree;
const lookup =
  (tree: Tree) =>
  (key: string): string => {
    const v = key.split('.').reduce<string | Tree | undefined>((node, k) => (typeof node === 'object' ? node[k] : undefined), tree);
    if (typeof v !== 'string') throw new Error(`missing ${key}`);
    return v;
  };

// the shape of emoji-picker-element/i18n/en.js (an ES module Jest does not load)
const en = {
  ...Object.fromEntries(
    [
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
    ].map((k) => [k, k]),
  ),
  skinTones: ['Default', 'Light', 'Medium-Light', 'Medium', 'Medium-Dark', 'Dark'],
  categories: Object.fromEntries(
    [
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
    ].map((k) => [k, k]),
  ),
};

describe('emojiPickerI18n', () => {
  it.each(['en', 'lt'])('gives the picker every label it has in English, in %s', (lang) => {
    const i18n = emojiPickerI18n(lookup(load(lang)));
    expect(Object.keys(i18n).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(i18n.categories).sort()).toEqual(Object.keys(en.categories).sort());
    expect(i18n.skinTones).toHaveLength(en.skinTones.length);
    expect(i18n.skinToneLabel).toContain('{skinTone}');
  });

  it('is Lithuanian for Lithuanian members', () => {
    const i18n = emojiPickerI18n(lookup(load('lt')));
    expect(i18n.searchLabel).toBe('Ieškoti jaustukų');
    expect(i18n.categories['food-drink']).toBe('Maistas ir gėrimai');
  });
});

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ApplicationStatuses,
  ErrorCode,
  Languages,
  MembershipStatuses,
  OrganisationTypes,
  Roles,
  UserStatuses,
} from '@klasteris/contracts';
import { COUNTRY_CODES } from '../../shared/countries';
import { CLIENT_ERROR_CODES } from '../../shared/api-error';

type Tree = { [key: string]: string | Tree };

const I18N_DIR = join(__dirname, '../../../../public/i18n');
const SRC_DIR = join(__dirname, '../..');

function load(lang: string): Tree {
  return JSON.parse(readFileSync(join(I18N_DIR, `${lang}.json`), 'utf8')) as Tree;
}

/** { a: { b: 'x' } } → Map { 'a.b' => 'x' } */
export function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else flatten(v, key, out);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|html)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const en = flatten(load('en'));
const lt = flatten(load('lt'));

describe('translations', () => {
  it('flatten finds nested keys (sanity check of the helper)', () => {
    expect([...flatten({ a: { b: 'x', c: { d: 'y' } }, e: 'z' }).keys()]).toEqual(['a.b', 'a.c.d', 'e']);
  });

  it('every language has exactly the same keys', () => {
    const onlyEn = [...en.keys()].filter((k) => !lt.has(k));
    const onlyLt = [...lt.keys()].filter((k) => !en.has(k));
    expect({ missingInLt: onlyEn, missingInEn: onlyLt }).toEqual({ missingInLt: [], missingInEn: [] });
  });

  it('there is a file for every supported language', () => {
    for (const lang of Languages) expect(() => load(lang)).not.toThrow();
  });

  it('no translation is empty and placeholders match between languages', () => {
    const problems: string[] = [];
    for (const [key, text] of en) {
      const other = lt.get(key);
      if (!text.trim()) problems.push(`en:${key} is empty`);
      if (other !== undefined && !other.trim()) problems.push(`lt:${key} is empty`);
      if (other !== undefined && placeholders(text).join() !== placeholders(other).join()) {
        problems.push(`${key}: placeholders differ`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('Lithuanian texts are really Lithuanian (diacritics present)', () => {
    expect(lt.get('nav.groups')).toBe('Darbo grupės');
    expect(lt.get('nav.infrastructure')).toBe('Infrastruktūra');
    expect(lt.get('auth.signIn')).toBe('Prisijungti');
  });

  it('every API error code and client error code has a message', () => {
    const codes = [...Object.values(ErrorCode), ...CLIENT_ERROR_CODES];
    const missing = codes.filter((c) => !en.has(`errors.${c}`) || !lt.has(`errors.${c}`));
    expect(missing).toEqual([]);
  });

  it('every enum value shown in the UI has a label', () => {
    const families: [string, readonly string[]][] = [
      ['orgTypes', OrganisationTypes],
      ['membership', MembershipStatuses],
      ['roles', Roles],
      ['roleHints', Roles],
      ['userStatus', UserStatuses],
      ['applicationStatus', ApplicationStatuses],
      ['countries', COUNTRY_CODES],
      ['lang', Languages],
      ['comingSoon', ['chat', 'groups', 'projects', 'infrastructure']],
      ['nav', ['dashboard', 'chat', 'groups', 'projects', 'infrastructure', 'directory', 'admin']],
    ];
    const missing = families.flatMap(([family, values]) => values.map((v) => `${family}.${v}`)).filter((k) => !en.has(k));
    expect(missing).toEqual([]);
  });

  it('every literal key used with the transloco pipe or translate() exists', () => {
    const used = new Set<string>();
    const namespaces = new Set([...en.keys()].map((k) => k.split('.')[0]!));
    for (const file of sourceFiles(SRC_DIR)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/'([a-zA-Z0-9]+(?:\.[a-zA-Z0-9_]+)+)'\s*\|\s*transloco/g)) used.add(m[1]!);
      for (const m of text.matchAll(/translate\(\s*'([a-zA-Z0-9]+(?:\.[a-zA-Z0-9_]+)+)'/g)) used.add(m[1]!);
      // any other quoted literal that looks like a key of one of our namespaces ('auth.x', 'nav.y', ...)
      for (const m of text.matchAll(/'([a-zA-Z0-9]+)\.([a-zA-Z0-9_.]+)'/g)) {
        if (namespaces.has(m[1]!) && !m[2]!.endsWith('.')) used.add(`${m[1]}.${m[2]}`);
      }
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !en.has(k)).sort()).toEqual([]);
  });
});

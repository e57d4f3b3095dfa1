import { safeReturnUrl } from '../features/auth/pages/login.page';
import { absoluteLink } from '../features/directory/components/invite-dialog.component';
import { formatCount } from '../features/dashboard/dashboard.store';
import { AVATAR_COLORS, initialsOf, isKnownCountry } from './countries';

describe('small helpers', () => {
  it('initials come from the first and last word', () => {
    expect(initialsOf('Rūta Jonaitė')).toBe('RJ');
    expect(initialsOf('  žygimantas  ')).toBe('Ž');
    expect(initialsOf('Jonas Petras Petraitis')).toBe('JP');
    expect(initialsOf('')).toBe('?');
  });

  it('only in-app return URLs are followed after sign-in', () => {
    expect(safeReturnUrl('/directory?tab=people')).toBe('/directory?tab=people');
    expect(safeReturnUrl('https://evil.example')).toBe('/dashboard');
    expect(safeReturnUrl('//evil.example')).toBe('/dashboard');
    expect(safeReturnUrl('/login')).toBe('/dashboard');
    expect(safeReturnUrl(undefined)).toBe('/dashboard');
  });

  it('invitation links become absolute', () => {
    expect(absoluteLink('/invite/abc', 'http://localhost:3000')).toBe('http://localhost:3000/invite/abc');
    expect(absoluteLink('invite/abc', 'https://k.lt/')).toBe('https://k.lt/invite/abc');
    expect(absoluteLink('https://k.lt/invite/abc', 'http://x')).toBe('https://k.lt/invite/abc');
  });

  it('counts beyond one page are shown with a plus', () => {
    expect(formatCount(3, false)).toBe('3');
    expect(formatCount(100, true)).toBe('100+');
  });

  it('countries and avatar colours', () => {
    expect(isKnownCountry('lt')).toBe(true);
    expect(isKnownCountry('XX')).toBe(false);
    expect(AVATAR_COLORS).toHaveLength(8);
  });
});

import { formatSize } from './format';

describe('formatSize', () => {
  it('shows bytes, whole kilobytes and megabytes with one decimal', () => {
    expect(formatSize(0)).toBe('0 B');
    expect(formatSize(1023)).toBe('1023 B');
    expect(formatSize(1024)).toBe('1 KB');
    expect(formatSize(200 * 1024 + 300)).toBe('200 KB');
    expect(formatSize(1024 * 1024)).toBe('1.0 MB');
    expect(formatSize(10 * 1024 * 1024 - 1)).toBe('10.0 MB');
  });
});

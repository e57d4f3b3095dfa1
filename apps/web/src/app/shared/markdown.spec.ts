import { markdownText, renderMarkdown } from './markdown';

/** Renders into a detached element so the checks look at the DOM a browser would build. */
const RUTA = 'a'.repeat(24);
const JONAS = 'b'.repeat(24);
const NAMES: Record<string, string> = { [RUTA]: 'Rūta Jonaitė', [JONAS]: 'Jonas' };

function dom(body: string, names: Record<string, string> = NAMES): HTMLElement {
  const el = document.createElement('div');
  el.innerHTML = renderMarkdown(body, { nameOf: (id) => names[id] ?? null, myId: RUTA, unknownName: 'unknown' });
  return el;
}

/** Nothing in the output may run script or load anything. */
function expectInert(el: HTMLElement): void {
  for (const node of Array.from(el.querySelectorAll('*'))) {
    expect([
      'script',
      'img',
      'iframe',
      'svg',
      'math',
      'style',
      'object',
      'embed',
      'form',
      'input',
      'video',
      'audio',
      'link',
      'meta',
    ]).not.toContain(node.tagName.toLowerCase());
    for (const attr of Array.from(node.attributes)) {
      expect(attr.name.toLowerCase().startsWith('on')).toBe(false);
      expect(['style', 'src', 'srcset', 'formaction', 'xlink:href']).not.toContain(attr.name.toLowerCase());
    }
  }
  for (const a of Array.from(el.querySelectorAll('a'))) {
    const href = a.getAttribute('href');
    if (href !== null) expect(href).toMatch(/^(https?:|mailto:|\/(?!\/))/i);
    expect(a.getAttribute('target')).toBe('_blank');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
  }
}

describe('renderMarkdown', () => {
  it('renders the supported subset', () => {
    const el = dom(
      '**bold** _it_ ~~gone~~ `x<y`\n\n```\nconst a = 1 < 2;\n```\n\n- one\n- two\n\n1. first\n\n> quoted\n\n[site](https://infobalt.lt)',
    );
    expect(el.querySelector('strong')?.textContent).toBe('bold');
    expect(el.querySelector('em')?.textContent).toBe('it');
    expect(el.querySelector('del')?.textContent).toBe('gone');
    expect(el.querySelector('p code')?.textContent).toBe('x<y');
    expect(el.querySelector('pre code')?.textContent).toContain('const a = 1 < 2;');
    expect(el.querySelectorAll('ul li')).toHaveLength(2);
    expect(el.querySelector('ol li')?.textContent).toBe('first');
    expect(el.querySelector('blockquote')?.textContent?.trim()).toBe('quoted');
    const link = el.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://infobalt.lt');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link?.getAttribute('target')).toBe('_blank');
    expectInert(el);
  });

  it('keeps line breaks of a plain message', () => {
    const el = dom('line one\nline two');
    expect(el.querySelectorAll('br')).toHaveLength(1);
  });

  it('shows raw HTML as text instead of interpreting it', () => {
    const el = dom('<img src=x onerror="alert(1)"> and <script>alert(2)</script> <b>b</b>');
    expect(el.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(el.textContent).toContain('<script>alert(2)</script>');
    expect(el.querySelector('b')).toBeNull();
    expectInert(el);
  });

  it.each([
    ['javascript link', '[x](javascript:alert(1))'],
    ['mixed-case javascript link', '[x](JaVaScRiPt:alert(document.cookie))'],
    ['entity-encoded javascript link', '[x](jav&#x61;script:alert(1))'],
    ['tab inside the scheme', '[x](java\tscript:alert(1))'],
    ['data URL', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['vbscript URL', '[x](vbscript:msgbox(1))'],
    ['protocol-relative URL', '[x](//evil.example/steal)'],
    ['autolink with javascript', '<javascript:alert(1)>'],
    ['reference link to javascript', '[x][r]\n\n[r]: javascript:alert(1)'],
  ])('drops a dangerous URL: %s', (_name, body) => {
    const el = dom(body);
    for (const a of Array.from(el.querySelectorAll('a'))) {
      expect(a.getAttribute('href') ?? '').not.toMatch(/script|data:|^\/\//i);
    }
    expectInert(el);
  });

  it.each([
    // CVE-2021-22886 (Rocket.Chat): XSS through nested Markdown links/images
    ['image inside a javascript link', '[![a](https://x.example/a.png)](javascript:alert(1))'],
    ['link inside a link', '[[inner](javascript:alert(1))](https://ok.example)'],
    ['bold link nesting', '**[*x*](javascript:alert(1))**'],
    ['quote breaking out of the href', '[x](https://a.example/"onmouseover="alert(1))'],
    ['quote breaking out of the title', '[x](https://a.example "t\\" onmouseover=\\"alert(1)")'],
    ['image with onerror in the url', '![x" onerror="alert(1)](https://x.example/i.png)'],
    ['html in link text', '[<img src=x onerror=alert(1)>](https://ok.example)'],
    ['svg in a list', '- <svg onload=alert(1)>\n- [y](javascript:alert(1))'],
    ['html in a quote', '> <iframe src="javascript:alert(1)"></iframe>'],
    ['style attribute via html', '<a href="https://x" style="position:fixed" onclick="alert(1)">x</a>'],
  ])('keeps nested payloads inert: %s', (_name, body) => {
    expectInert(dom(body));
  });

  it('renders code as text, never as markup', () => {
    const el = dom('`<img src=x onerror=alert(1)>`\n\n```html\n<script>alert(1)</script>\n```');
    expect(el.querySelector('p code')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(el.querySelector('pre code')?.textContent).toContain('<script>alert(1)</script>');
    expectInert(el);
  });

  it('does not load images', () => {
    const el = dom('![tracking pixel](https://evil.example/p.gif)');
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toContain('tracking pixel');
  });

  it('renders <@id> mention tokens as names outside and inside code, mine specially', () => {
    const el = dom(`Hi <@${RUTA}> and <@${JONAS}>, see \`<@${JONAS}>\` @channel <@${'c'.repeat(24)}>`);
    const mentions = Array.from(el.querySelectorAll('span.mention')).map((s) => [s.textContent, s.classList.contains('mention-me')]);
    expect(mentions).toEqual([
      ['@Rūta Jonaitė', true],
      ['@Jonas', false],
      ['@channel', true],
      ['@unknown', false],
    ]);
    expect(el.querySelector('code')?.textContent).toBe('@Jonas');
  });

  it('a display name cannot inject markup through a mention', () => {
    const el = dom(`<@${JONAS}> **<@${JONAS}>**`, { [JONAS]: '<img src=x onerror=alert(1)>' });
    expectInert(el);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('span.mention')?.textContent).toBe('@<img src=x onerror=alert(1)>');
  });

  it('markdownText: what a reader sees, marks gone, mentions named, one line per block', () => {
    const text = markdownText(`**Book** the _GPU_ pool, <@${JONAS}>\n\n- one\n- \`two\`\n\n<b>raw</b>`, {
      nameOf: (id) => NAMES[id] ?? null,
    });
    expect(text).toBe('Book the GPU pool, @Jonas\none\ntwo\n<b>raw</b>');
  });
});

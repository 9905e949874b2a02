import { describe, expect, it } from 'vitest';
import { EXTERNAL_HOSTS, isAllowedExternalUrl } from '../../../electron/security/url-policy';
import { SHIPPED_RULES } from '../../../shared/rules/catalog';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://retsinformation.dk/eli/lta/2024/47',
    'https://www.retsinformation.dk/eli/lta/2024/47#P65e',
    'https://ombudsmanden.dk/udtalelser/',
    'https://www.ombudsmanden.dk/',
    'https://borger.dk/',
    'https://www.borger.dk/kommune?x=1',
    'https://ast.dk/',
    'https://RETSINFORMATION.DK/eli', // hostnames are case-insensitive; the parser lowercases
    'https://retsinformation.dk:443/', // the default port is the same URL
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    // look-alike hosts
    ['suffix attack', 'https://retsinformation.dk.evil.com/'],
    ['prefix attack', 'https://evilretsinformation.dk/'],
    ['subdomain not listed', 'https://login.retsinformation.dk/'],
    ['trailing dot', 'https://retsinformation.dk./'],
    ['other TLD', 'https://retsinformation.com/'],
    ['IDN homograph (Cyrillic е)', 'https://rеtsinformation.dk/'],
    ['host in path', 'https://evil.com/retsinformation.dk'],
    ['host in query', 'https://evil.com/?u=https://retsinformation.dk'],
    // userinfo
    ['user@', 'https://user@retsinformation.dk/'],
    ['user:pass@', 'https://user:pass@retsinformation.dk/'],
    ['allowed host as userinfo', 'https://retsinformation.dk@evil.com/'],
    ['empty userinfo', 'https://:@retsinformation.dk/'],
    // schemes
    ['http', 'http://retsinformation.dk/'],
    ['javascript', 'javascript:alert(1)'],
    ['javascript disguised', 'javascript://retsinformation.dk/%0aalert(1)'],
    ['file', 'file:///etc/passwd'],
    ['file with host', 'file://retsinformation.dk/etc/passwd'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['ftp', 'ftp://retsinformation.dk/'],
    ['app', 'app://ombud/index.html'],
    ['mailto', 'mailto:borger@borger.dk'],
    ['smb (NTLM leak)', 'smb://retsinformation.dk/share'],
    ['ms-settings', 'ms-settings:privacy'],
    ['scheme-relative', '//retsinformation.dk/'],
    // ports
    ['odd port', 'https://retsinformation.dk:8443/'],
    ['port 80 on https', 'https://retsinformation.dk:80/'],
    // parser repairs
    ['backslash', 'https://retsinformation.dk\\@evil.com/'],
    ['embedded newline', 'https://retsin\nformation.dk/'],
    ['leading space', ' https://retsinformation.dk/'],
    ['tab', 'https://retsinformation.dk/\t'],
    ['NUL', 'https://retsinformation.dk/\u0000'],
    // addresses
    ['IPv4', 'https://127.0.0.1/'],
    ['IPv6', 'https://[::1]/'],
    ['localhost', 'https://localhost/'],
    // junk
    ['empty', ''],
    ['relative', '/eli/lta/2024/47'],
    ['not a URL', 'retsinformation.dk'],
    ['too long', `https://retsinformation.dk/${'a'.repeat(3000)}`],
  ])('refuses %s', (_name, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('refuses values that are not strings', () => {
    for (const value of [undefined, null, 42, {}, ['https://borger.dk/'], new URL('https://borger.dk/')]) {
      expect(isAllowedExternalUrl(value)).toBe(false);
    }
  });

  it('lists only lowercase hostnames, so a case slip cannot silently disable an entry', () => {
    for (const host of EXTERNAL_HOSTS) expect(host).toBe(host.toLowerCase());
  });
});

describe('links from the shipped rule catalogue', () => {
  const sources = SHIPPED_RULES.flatMap((r) => r.sources.map((s) => [r.id, s] as const));

  it('every source of every shipped rule opens, and each is https', () => {
    expect(sources.length).toBeGreaterThan(100);
    for (const [id, source] of sources) {
      expect(source.startsWith('https://'), `${id}: ${source}`).toBe(true);
      expect(isAllowedExternalUrl(source), `${id}: ${source}`).toBe(true);
    }
  });

  it('adds exactly the catalogue hosts to the base list, nothing else', () => {
    const catalogueHosts = new Set(sources.map(([, s]) => new URL(s).hostname));
    // www.fanoe.dk: the source of gfs-14-dages-svar, retired in catalogue version 2 and still shown on its page.
    const base = ['retsinformation.dk', 'www.retsinformation.dk', 'ombudsmanden.dk', 'www.ombudsmanden.dk', 'borger.dk', 'www.borger.dk', 'ast.dk', 'www.fanoe.dk'];
    expect([...EXTERNAL_HOSTS].sort()).toEqual([...new Set([...base, ...catalogueHosts])].sort());
    expect(EXTERNAL_HOSTS.has('danskelove.dk')).toBe(true);
    expect(EXTERNAL_HOSTS.has('elov.dk')).toBe(true);
  });

  it.each([
    ['http to a catalogue host', 'http://danskelove.dk/forvaltningsloven/22'],
    ['suffix attack on a catalogue host', 'https://danskelove.dk.evil.com/'],
    ['prefix attack on a catalogue host', 'https://evildanskelove.dk/'],
    ['unlisted subdomain of a catalogue host', 'https://login.elov.dk/'],
    ['catalogue host as userinfo', 'https://danskelove.dk@evil.com/'],
    ['userinfo on a catalogue host', 'https://user:pass@pav.medst.dk/'],
    ['odd port on a catalogue host', 'https://www.dukh.dk:8443/'],
    ['trailing dot on a catalogue host', 'https://gdprinfo.eu./da/da-article-12'],
    ['IDN homograph of a catalogue host (Cyrillic а)', 'https://dаnskelove.dk/'],
    ['parent domain of a listed subdomain', 'https://medst.dk/'],
    ['file scheme with a catalogue host', 'file://danskelove.dk/etc/passwd'],
  ])('refuses %s', (_name, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

/**
 * Which external links Ombud may hand to the operating system (Electron security checklist
 * item 15, "Do not use shell.openExternal with untrusted content"). Pure, so the adversarial table
 * in test/electron/shell/url-policy.test.ts can pin it down without Electron.
 *
 * Rule: https only, no user:password@, no explicit port, and the exact host must be on the list.
 * Matching is on the parsed, normalised hostname — never on a prefix or substring of the text — so
 * `retsinformation.dk.evil.com` and `evilretsinformation.dk` fall through (Actual's trusted-url.ts).
 */

import { SHIPPED_RULES } from '../../shared/rules/catalog';

/** Hosts the adviser may always reach from inside the app: law texts, the Ombudsman, borger.dk, Ankestyrelsen. */
const BASE_HOSTS: readonly string[] = [
  'retsinformation.dk',
  'www.retsinformation.dk',
  'ombudsmanden.dk',
  'www.ombudsmanden.dk',
  'borger.dk',
  'www.borger.dk',
  'ast.dk',
  // Sources of rules a newer catalogue retired (they stay readable on the rule's page):
  // gfs-14-dages-svar, retired in catalogue version 2 when it became the svarpolitik setting.
  'www.fanoe.dk',
];

/**
 * The exact hosts of the shipped rules' sources (shared/rules/catalog.ts), so every source link a
 * rule shows can be opened, and nothing else is let in by it: only https URLs without userinfo or
 * port count, and a new host appears here only when the catalogue itself names it. Sources the
 * adviser adds to their own rules are not trusted this way.
 */
function catalogueHosts(): string[] {
  const hosts: string[] = [];
  for (const rule of SHIPPED_RULES) {
    for (const source of rule.sources) {
      let url: URL;
      try {
        url = new URL(source);
      } catch {
        continue;
      }
      if (url.protocol === 'https:' && url.username === '' && url.password === '' && url.port === '') hosts.push(url.hostname);
    }
  }
  return hosts;
}

/** Every host a link may go to: the base list and the shipped catalogue's source hosts. */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set([...BASE_HOSTS, ...catalogueHosts()]);

const MAX_URL_LENGTH = 2048;

/** True when `raw` is an https URL on an allow-listed host that may be opened in the system browser. */
export function isAllowedExternalUrl(raw: unknown): boolean {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return false;
  // The URL parser silently strips tabs/newlines and turns "\" into "/"; text that needed such
  // repairs did not come from a plain link, so refuse it instead of guessing what was meant.
  if (/[\u0000-\u0020\u007f\\]/.test(raw)) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  // The parser forgets an empty "user:@" part, so look for "@" in the authority as written.
  if (url.username !== '' || url.password !== '' || /^https:\/\/[^/?#]*@/i.test(raw)) return false;
  // The parser drops the default :443, so any remaining port is a non-standard one.
  if (url.port !== '') return false;
  return EXTERNAL_HOSTS.has(url.hostname);
}

/**
 * The letterhead every letter prints (shared/letters/letterhead-settings.ts) and who signs: the
 * service behind letterhead:*. The office, address and contact lines and the logo are stored in the
 * `letterhead` row (migration 0160); the municipality's name is the settings' own (Kommunens navn),
 * so it is typed once. Each change is validated in Danish and written with its audit entry in one
 * transaction.
 */
import { letterheadProblems, linesFromText, type LetterheadSettings } from '../../shared/letters/letterhead-settings';
import { AppError, validationError } from '../../shared/ipc/result';
import { appendAudit, type AuditChange } from '../../db/queries/audit';
import { DEFAULT_ADVISER_TITLE } from '../../db/queries/catalog';
import { getLetterhead, setLetterheadLogo, setLetterheadText } from '../../db/queries/letterhead';
import { embedLogoProbe } from '../pdf';
import { identifyDocument } from './document-kind';
import type { ServiceContext } from './context';
import { getSettings } from './settings';

/** The largest logo accepted: a letterhead logo is small, and every letter's PDF carries it. */
export const LOGO_MAX_BYTES = 1024 * 1024;

/** Who signs a letter: the case's adviser, else the adviser at this desk; their title under the name. */
export function letterSigner(ctx: ServiceContext, adviserId: number | null): { name: string; title: string } {
  const settings = getSettings(ctx);
  const adviser = settings.advisers.find((a) => a.id === (adviserId ?? settings.currentAdviserId));
  return { name: adviser?.name ?? '', title: adviser?.title ?? DEFAULT_ADVISER_TITLE };
}

export function letterheadSettings(ctx: ServiceContext): LetterheadSettings {
  const stored = getLetterhead(ctx.db);
  return {
    office: stored.office,
    municipality: getSettings(ctx).municipalityName,
    addressLines: stored.addressLines,
    contactLines: stored.contactLines,
    logo: stored.logo === null ? null : { mediaType: stored.logo.mediaType, contentBase64: Buffer.from(stored.logo.bytes).toString('base64') },
  };
}

function audit(ctx: ServiceContext, action: string, changes: AuditChange[]): void {
  appendAudit(ctx.db, { at: ctx.clock.now().toISOString(), actor: ctx.actor(), entity: 'letterhead', entityId: null, caseId: null, action, changes });
}

export type LetterheadTextInput = Readonly<{ office: string; addressLines: readonly string[]; contactLines: readonly string[] }>;

/** Office, address and contact lines; blank lines are dropped, each line trimmed. */
export function saveLetterhead(ctx: ServiceContext, input: LetterheadTextInput): LetterheadSettings {
  const next = { office: input.office.trim().replace(/\s+/g, ' '), addressLines: linesFromText(input.addressLines.join('\n')), contactLines: linesFromText(input.contactLines.join('\n')) };
  const problems = letterheadProblems(next);
  if (Object.keys(problems).length > 0) throw validationError(problems);
  ctx.db.transaction(() => {
    const before = getLetterhead(ctx.db);
    setLetterheadText(ctx.db, next, ctx.clock.now().toISOString());
    const changes: AuditChange[] = [];
    if (before.office !== next.office) changes.push({ field: 'Afsender', before: before.office, after: next.office });
    const joined = (lines: readonly string[]) => lines.join(' / ');
    if (joined(before.addressLines) !== joined(next.addressLines)) changes.push({ field: 'Adresse', before: joined(before.addressLines), after: joined(next.addressLines) });
    if (joined(before.contactLines) !== joined(next.contactLines)) changes.push({ field: 'Kontakt', before: joined(before.contactLines), after: joined(next.contactLines) });
    if (changes.length > 0) audit(ctx, 'Brevpapir ændret', changes);
  })();
  return letterheadSettings(ctx);
}

const LOGO_ACCEPTED = 'Logoet skal være et PNG- eller JPEG-billede (.png, .jpg eller .jpeg).';

function logoRefusal(message: string): AppError {
  return validationError({ logo: message });
}

/**
 * A new logo: a PNG or JPEG by its name AND its first bytes (a renamed file is refused with the
 * reason), at most 1 MB, and one pdf-lib can embed (a damaged image is refused now rather than
 * breaking every letter later).
 */
export async function setLetterheadLogoFile(
  ctx: ServiceContext,
  input: Readonly<{ fileName: string; contentBase64: string }>,
  beforeWrite: () => Promise<void> = async () => {},
): Promise<LetterheadSettings> {
  const bytes = new Uint8Array(Buffer.from(input.contentBase64, 'base64'));
  if (bytes.length === 0) throw logoRefusal(`«${input.fileName}» er tom. ${LOGO_ACCEPTED}`);
  if (bytes.length > LOGO_MAX_BYTES) {
    const mb = (bytes.length / (1024 * 1024)).toLocaleString('da-DK', { maximumFractionDigits: 1 });
    throw logoRefusal(`«${input.fileName}» fylder ${mb} MB. Logoet må højst fylde 1 MB – gem det i en mindre udgave og prøv igen.`);
  }
  const ext = /\.([^.]*)$/.exec(input.fileName)?.[1]?.toLowerCase() ?? '';
  if (!['png', 'jpg', 'jpeg'].includes(ext)) {
    throw logoRefusal(`${ext === '' ? `«${input.fileName}» har ingen filtype.` : `Filtypen .${ext} kan ikke bruges som logo.`} ${LOGO_ACCEPTED}`);
  }
  let kind: string;
  try {
    // By its first bytes too: a renamed file is refused with the reason.
    kind = identifyDocument(input.fileName, bytes).kind;
  } catch (e) {
    throw logoRefusal(e instanceof AppError ? e.message : String(e));
  }
  const mediaType = kind === 'png' ? 'image/png' : 'image/jpeg';
  try {
    await embedLogoProbe(mediaType, bytes);
  } catch {
    throw logoRefusal(`«${input.fileName}» kan ikke læses som billede, så det kan ikke sættes i brevene. Filen kan være beskadiget – gem billedet igen fra et billedprogram og prøv igen.`);
  }
  // The probe awaited: an import may have started meanwhile (electron/services/write-lock.ts).
  await beforeWrite();
  ctx.db.transaction(() => {
    const before = getLetterhead(ctx.db);
    setLetterheadLogo(ctx.db, { mediaType, bytes }, ctx.clock.now().toISOString());
    audit(ctx, before.logo === null ? 'Logo tilføjet' : 'Logo udskiftet', [{ field: 'Logo', before: before.logo === null ? '' : 'tidligere logo', after: input.fileName }]);
  })();
  return letterheadSettings(ctx);
}

/** No logo on the letters any more. */
export function removeLetterheadLogo(ctx: ServiceContext): LetterheadSettings {
  ctx.db.transaction(() => {
    if (getLetterhead(ctx.db).logo === null) return;
    setLetterheadLogo(ctx.db, null, ctx.clock.now().toISOString());
    audit(ctx, 'Logo fjernet', [{ field: 'Logo', before: 'logo', after: '' }]);
  })();
  return letterheadSettings(ctx);
}

/**
 * A small Outlook .msg made in code: a compound file with the subject, sender name and body as
 * Unicode property streams (what Outlook writes, minus everything the reader does not need), built
 * with msgreader's own compound-file writer.
 */
import { createRequire } from 'node:module';

type Entry = { name: string; type: number; length: number; children?: number[]; binaryProvider?: () => ArrayLike<number> };
const require = createRequire(import.meta.url);
const { burn } = require('@kenjiuno/msgreader/lib/Burner') as { burn: (entries: Entry[]) => Uint8Array };

/** Compound-file entry types (MS-CFB): a stream, and the root storage. */
const STREAM = 2;
const ROOT = 5;

export function outlookMsg(m: Readonly<{ subject: string; senderName: string; body: string }>): Uint8Array {
  const props: Array<[string, string]> = [['0037001F', m.subject], ['0C1A001F', m.senderName], ['1000001F', m.body]];
  const entries: Entry[] = [{ name: 'Root Entry', type: ROOT, length: 0, children: props.map((_, i) => i + 1) }];
  for (const [tag, value] of props) {
    const bytes = Array.from(Buffer.from(value, 'utf16le'));
    entries.push({ name: `__substg1.0_${tag}`, type: STREAM, length: bytes.length, binaryProvider: () => bytes });
  }
  return new Uint8Array(burn(entries));
}

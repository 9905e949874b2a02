/**
 * Files in and out of Akter og journal. In: the picked or dropped file read as base64 (the
 * contract's transport), refused here already when empty or over 50 MB – with the same words as the
 * backend – so a 70 MB scan is never sent. Out: "Gem som …" hands the file to the save dialog
 * (Electron shows its native one for a download), "Åbn" shows it in a new tab where the browser can
 * show it (PDF, images, text) and otherwise saves it too.
 */
import { EMPTY_FILE_MESSAGE, MAX_DOCUMENT_BYTES, tooLargeMessage } from '../../../../shared/domain/records';
import { base64ToBytes, downloadFile, readFileAsBase64 } from '../import/read-file';

/** The reason a file cannot become an akt before it is read, or null. */
export function fileProblem(file: Pick<File, 'size'>): string | null {
  if (file.size === 0) return EMPTY_FILE_MESSAGE;
  if (file.size > MAX_DOCUMENT_BYTES) return tooLargeMessage(file.size);
  return null;
}

export { readFileAsBase64 };

export type DocumentFile = Readonly<{ fileName: string; mediaType: string; contentBase64: string }>;

export function saveDocumentAs(file: DocumentFile): void {
  downloadFile(file.fileName, file.mediaType, file.contentBase64);
}

const VIEWABLE = /^(application\/pdf|image\/(png|jpeg|gif)|text\/plain)/;

/** Opens the file in a new tab when the browser can show it; false when it was saved instead. */
export function openDocument(file: DocumentFile): boolean {
  if (VIEWABLE.test(file.mediaType)) {
    const url = URL.createObjectURL(new Blob([base64ToBytes(file.contentBase64)], { type: file.mediaType }));
    // Not 'noopener': with it window.open always answers null, and a refused tab could not be told apart.
    const opened = window.open(url, '_blank');
    if (opened !== null) opened.opener = null;
    // The tab has loaded the URL (or never will); keep it a while for a slow PDF viewer.
    window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    if (opened !== null) return true;
  }
  saveDocumentAs(file);
  return false;
}

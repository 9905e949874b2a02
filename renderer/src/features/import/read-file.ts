/** The picked file's bytes as base64 (the contract's transport for file contents). */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error('Filen kunne ikke læses.'));
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      // A data: URL is "data:<mime>;base64,<payload>"; only the payload is wanted.
      const comma = url.indexOf(',');
      resolve(comma < 0 ? '' : url.slice(comma + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** Decode base64 (as file contents cross the IPC contract) to bytes. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Let the browser save the exported file (the adviser chooses where in the save dialog). */
export function downloadFile(fileName: string, mimeType: string, contentBase64: string): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(contentBase64)], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download in Chromium.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file cannot be read as a table; `line` is where the problem is (1 when it is the whole file). */
export class ImportFileError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

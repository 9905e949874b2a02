/** Invariant check; throws with the given message when the condition is false. */
export function strictAssert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Invariant: ${message}`);
}

/** Exhaustiveness helper for switch statements over union types. */
export function missingCaseError(value: never): Error {
  return new Error(`Uventet værdi: ${String(value)}`);
}

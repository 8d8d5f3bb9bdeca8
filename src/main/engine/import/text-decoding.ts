/**
 * Turns a file's bytes into text. Files reach us from Excel and pandas on Windows, so besides
 * UTF-8 (with or without BOM) we meet UTF-16 ("Unicode text") and Windows-1252 ("CSV" from a
 * Brazilian Excel). Bytes that are not valid UTF-8 are read as Windows-1252 rather than refused:
 * Latin-1 accents are the only plausible cause in a CSV of dates and numbers, and the result
 * reports it so the user can check the preview.
 */

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** Set when the encoding was guessed rather than declared by a BOM or valid UTF-8. */
  warning: string | null;
}

export class NotTextError extends Error {}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  return sample.includes(0);
}

/** @throws NotTextError for bytes that are no text file at all (NUL bytes without a UTF-16 BOM). */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', warning: null };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', warning: null };
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) throw new NotTextError('the file is not text (it holds NUL bytes): save it as CSV (UTF-8) or XLSX');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', warning: null };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(body),
      encoding: 'windows-1252',
      warning: 'the file is not UTF-8; it was read as Windows-1252 (Latin-1) — check accented headers in the preview',
    };
  }
}

import { extname } from 'node:path';

// What a file is, decided by its first bytes (magic numbers), with the file name used only to
// tell markdown from plain text and to catch a name that lies about the content.

export type MediaKind = 'image' | 'video' | 'text';

export interface Sniffed {
  kind: MediaKind;
  mimeType: string;
  /** The extension the stored object gets, from the content (never from the uploaded name). */
  ext: string;
}

export class ProbeError extends Error {
  constructor(
    readonly code:
      | 'unsupported_type'
      | 'content_mismatch'
      | 'broken_file'
      | 'file_too_large'
      | 'empty_file'
      | 'unreadable_file',
    message: string,
  ) {
    super(message);
    this.name = 'ProbeError';
  }
}

/** How many leading bytes sniff() wants. */
export const SNIFF_BYTES = 4096;

const IMAGE_EXTS: Record<string, string> = { jpg: 'jpeg', jpeg: 'jpeg', png: 'png', webp: 'webp' };
const VIDEO_EXTS = new Set(['mp4', 'm4v', 'mov', 'webm']);
const TEXT_EXTS = new Set(['txt', 'text', 'md', 'markdown']);
const MARKDOWN_EXTS = new Set(['md', 'markdown']);
/** Extensions of kinds Gloss knows but does not take, so the refusal can say so. */
const OTHER_KNOWN_EXTS = new Set([
  'gif',
  'bmp',
  'tif',
  'tiff',
  'heic',
  'avif',
  'mkv',
  'avi',
  'pdf',
  'html',
  'htm',
  'svg',
]);

const startsWith = (buf: Buffer, bytes: number[], offset = 0) =>
  buf.length >= offset + bytes.length && bytes.every((b, i) => buf[offset + i] === b);
const ascii = (buf: Buffer, start: number, end: number) => buf.subarray(start, end).toString('latin1');

export const extensionOf = (name: string) => extname(name).slice(1).toLowerCase();

/** The type the bytes say, or null when they match nothing binary we know. */
function sniffBinary(head: Buffer): Sniffed | { refuse: string } | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { kind: 'image', mimeType: 'image/jpeg', ext: 'jpg' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: 'image', mimeType: 'image/png', ext: 'png' };
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP')
    return { kind: 'image', mimeType: 'image/webp', ext: 'webp' };
  if (ascii(head, 4, 8) === 'ftyp') {
    const brand = ascii(head, 8, 12);
    if (['heic', 'heix', 'mif1', 'msf1', 'avif', 'avis'].includes(brand))
      return { refuse: `HEIF/AVIF images (brand ${brand.trim()}) are not supported` };
    if (brand === 'qt  ') return { kind: 'video', mimeType: 'video/quicktime', ext: 'mov' };
    return { kind: 'video', mimeType: 'video/mp4', ext: 'mp4' };
  }
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) {
    // The EBML header names its DocType early; WebM is the Matroska profile browsers play.
    const header = ascii(head, 0, Math.min(head.length, 64));
    if (header.includes('webm')) return { kind: 'video', mimeType: 'video/webm', ext: 'webm' };
    return { refuse: 'Matroska files other than WebM are not supported' };
  }
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a')
    return { refuse: 'GIF is not supported' };
  if (ascii(head, 0, 5) === '%PDF-') return { refuse: 'PDF is not supported' };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return { refuse: 'archives are not supported' };
  if (ascii(head, 0, 2) === 'BM') return { refuse: 'BMP is not supported' };
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a]))
    return { refuse: 'TIFF is not supported' };
  return null;
}

/** UTF-8 without NUL characters. `complete` false: the buffer may end inside a character. */
export function isText(bytes: Buffer, complete: boolean): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides what a file is from its first bytes (`head`, up to SNIFF_BYTES) and its name. A name
 * whose extension names another type of the same kind (a PNG called .jpg) is corrected by the
 * content; a name of another kind (HTML called .png, a video called .jpg) is refused.
 */
export function sniff(head: Buffer, name: string, complete: boolean): Sniffed {
  if (head.length === 0) throw new ProbeError('empty_file', 'The file is empty.');
  const ext = extensionOf(name);
  const claimed: 'image' | 'video' | 'text' | null =
    ext in IMAGE_EXTS ? 'image' : VIDEO_EXTS.has(ext) ? 'video' : TEXT_EXTS.has(ext) ? 'text' : null;
  const binary = sniffBinary(head);
  if (binary && 'refuse' in binary) throw new ProbeError('unsupported_type', `${binary.refuse}.`);
  if (binary) {
    if (claimed && claimed !== binary.kind) {
      throw new ProbeError(
        'content_mismatch',
        `The name says ${claimed} (.${ext}) but the content is ${binary.mimeType}.`,
      );
    }
    if (!claimed && OTHER_KNOWN_EXTS.has(ext)) {
      throw new ProbeError(
        'content_mismatch',
        `The name says .${ext} but the content is ${binary.mimeType}.`,
      );
    }
    return binary;
  }
  if (!isText(head, complete)) {
    throw new ProbeError('unsupported_type', 'The content is not an image, video or text type Gloss takes.');
  }
  if (claimed === 'image' || claimed === 'video') {
    throw new ProbeError('content_mismatch', `The name says ${claimed} (.${ext}) but the content is text.`);
  }
  if (claimed === null && ext !== '') {
    throw new ProbeError(
      'unsupported_type',
      `Text files are taken as .txt or .md (markdown); .${ext} is not one of them.`,
    );
  }
  return MARKDOWN_EXTS.has(ext)
    ? { kind: 'text', mimeType: 'text/markdown', ext: 'md' }
    : { kind: 'text', mimeType: 'text/plain', ext: 'txt' };
}

/** The type a registered key or URL's extension suggests, when it names one. */
export function typeFromName(name: string): Sniffed | null {
  const ext = extensionOf(name);
  if (ext in IMAGE_EXTS) {
    const t = IMAGE_EXTS[ext]!;
    return { kind: 'image', mimeType: `image/${t}`, ext: t === 'jpeg' ? 'jpg' : t };
  }
  if (ext === 'mp4' || ext === 'm4v') return { kind: 'video', mimeType: 'video/mp4', ext: 'mp4' };
  if (ext === 'mov') return { kind: 'video', mimeType: 'video/quicktime', ext: 'mov' };
  if (ext === 'webm') return { kind: 'video', mimeType: 'video/webm', ext: 'webm' };
  if (MARKDOWN_EXTS.has(ext)) return { kind: 'text', mimeType: 'text/markdown', ext: 'md' };
  if (ext === 'txt' || ext === 'text') return { kind: 'text', mimeType: 'text/plain', ext: 'txt' };
  return null;
}

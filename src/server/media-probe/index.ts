import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Decoder, type EbmlTag } from 'ebml';
import { imageSize } from 'image-size';
import { createFile, Log, type Movie, MP4BoxBuffer } from 'mp4box';
import sharp from 'sharp';
import { isText, ProbeError, SNIFF_BYTES, type Sniffed, sniff } from './sniff.ts';

export { ProbeError, type Sniffed, sniff, typeFromName } from './sniff.ts';

// Reads what Gloss records about a media file at import: its type (by content), image size,
// video duration, frame rate and frame count (mp4box for MP4/QuickTime, node-ebml for WebM),
// and a thumbnail for images (sharp, longest side at most THUMBNAIL_SIZE).

export const THUMBNAIL_SIZE = 256;
/** Images larger than this are not decoded (a decompression bomb guard). */
const MAX_IMAGE_PIXELS = 268_402_689;
/** Text units are read whole to check their encoding; larger text files are refused. */
const MAX_TEXT_BYTES = 64 * 1024 * 1024;

export interface ProbedMedia extends Sniffed {
  sizeBytes: number;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  fps: number | null;
  frameCount: number | null;
  /** A JPEG thumbnail (images only). */
  thumbnail: Buffer | null;
}

Log.setLogLevel(() => {});

async function readHead(path: string): Promise<{ head: Buffer; size: number }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(SNIFF_BYTES, size));
    await handle.read(head, 0, head.length, 0);
    return { head, size };
  } finally {
    await handle.close();
  }
}

/** Probes the file at `path`, uploaded or found under the name `name`. Throws ProbeError. */
export async function probeFile(path: string, name: string): Promise<ProbedMedia> {
  const { head, size } = await readHead(path);
  const type = sniff(head, name, head.length === size);
  const base = {
    ...type,
    sizeBytes: size,
    width: null,
    height: null,
    durationMs: null,
    fps: null,
    frameCount: null,
    thumbnail: null,
  };
  if (type.kind === 'image') return { ...base, ...(await probeImage(await readFile(path), type)) };
  if (type.kind === 'video') {
    const video = type.mimeType === 'video/webm' ? await probeWebm(path) : await probeMp4(path, size);
    return { ...base, ...video };
  }
  if (size > MAX_TEXT_BYTES) throw new ProbeError('file_too_large', 'Text files are limited to 64 MiB.');
  if (!isText(await readFile(path), true)) {
    throw new ProbeError('broken_file', 'The text is not valid UTF-8 (or holds NUL characters).');
  }
  return base;
}

async function probeImage(bytes: Buffer, type: Sniffed) {
  let dims: { width?: number; height?: number; orientation?: number };
  try {
    dims = imageSize(bytes);
  } catch (err) {
    throw new ProbeError(
      'broken_file',
      `The ${type.ext.toUpperCase()} header is unreadable (${(err as Error).message}).`,
    );
  }
  if (!dims.width || !dims.height) throw new ProbeError('broken_file', 'The image has no size.');
  let thumbnail: Buffer;
  try {
    // Decoding the whole image for the thumbnail also proves the file is intact.
    thumbnail = await sharp(bytes, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS })
      .rotate()
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80 })
      .toBuffer();
  } catch (err) {
    throw new ProbeError('broken_file', `The image cannot be decoded (${(err as Error).message}).`);
  }
  // Browsers show a JPEG turned by its EXIF orientation; 5–8 swap its sides, so report them as shown.
  const turned = (dims.orientation ?? 1) >= 5;
  return { width: turned ? dims.height : dims.width, height: turned ? dims.width : dims.height, thumbnail };
}

/** MP4/QuickTime: mp4box reads the movie header (wherever it sits in the file) and the tracks. */
async function probeMp4(path: string, size: number) {
  const file = createFile();
  let movie: Movie | null = null;
  let failure: string | null = null;
  file.onReady = (info) => {
    movie = info;
  };
  file.onError = (_module: string, message: string) => {
    failure = message;
  };
  // mp4box says which byte it wants next, so the media data (mdat) is jumped over, not read.
  const handle = await open(path, 'r');
  try {
    let pos = 0;
    // A fragmented file lists its samples in moof boxes through the file: read to the end.
    while (pos < size && !failure && !(movie && !(movie as Movie).isFragmented)) {
      const chunk = Buffer.alloc(Math.min(1 << 20, size - pos));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, pos);
      if (bytesRead === 0) break;
      const ab = chunk.buffer.slice(chunk.byteOffset, chunk.byteOffset + bytesRead);
      const next = file.appendBuffer(MP4BoxBuffer.fromArrayBuffer(ab, pos), pos + bytesRead >= size);
      pos = next > pos ? next : pos + bytesRead;
    }
    file.flush();
    if (movie && (movie as Movie).isFragmented) movie = file.getInfo();
  } catch (err) {
    failure = (err as Error).message;
  } finally {
    await handle.close();
  }
  const info = movie as Movie | null;
  if (!info)
    throw new ProbeError('broken_file', `No readable movie header${failure ? ` (${failure})` : ''}.`);
  const track = info.videoTracks[0];
  if (!track) throw new ProbeError('unsupported_type', 'The file holds no video track.');
  // Some writers leave the movie header's duration at 0; the track's samples still say it.
  const durationMs =
    info.timescale && info.duration > 0 ? Math.round((info.duration / info.timescale) * 1000) : null;
  const trackSeconds = track.timescale ? (track.samples_duration || track.duration) / track.timescale : 0;
  const frameCount = track.nb_samples || null;
  const fps = frameCount && trackSeconds > 0 ? round3(frameCount / trackSeconds) : null;
  return {
    width: track.video?.width ?? (track.track_width || null),
    height: track.video?.height ?? (track.track_height || null),
    durationMs: durationMs ?? (trackSeconds ? Math.round(trackSeconds * 1000) : null),
    fps,
    frameCount,
  };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

const EBML_SEGMENT = 0x18538067;
const EBML_CLUSTER = 0x1f43b675;
const EBML_BLOCK_GROUP = 0xa0;
const EBML_SIMPLE_BLOCK = 0xa3;
const EBML_BLOCK = 0xa1;

/**
 * Counts the blocks (frames) of each track by walking the element tree with positional reads:
 * it steps into segments, clusters and block groups and jumps over everything else, so frame
 * payloads are never read. Also returns where the first cluster starts (the headers end there).
 */
async function scanWebmBlocks(path: string) {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    let windowStart = 0;
    let window = Buffer.alloc(0);
    const read = async (pos: number, n: number) => {
      if (pos < windowStart || pos + n > windowStart + window.length) {
        window = Buffer.alloc(Math.max(0, Math.min(Math.max(n, 1 << 16), size - pos)));
        windowStart = pos;
        await handle.read(window, 0, window.length, pos);
      }
      return window.subarray(pos - windowStart, pos - windowStart + n);
    };
    /** An EBML variable-length integer: ids keep their length marker, sizes drop it. */
    const vint = async (pos: number, isId: boolean) => {
      const first = (await read(pos, 1))[0];
      if (first === undefined || first === 0) return null;
      const length = Math.clz32(first) - 23;
      const bytes = await read(pos, length);
      if (bytes.length < length) return null;
      let value = isId ? first : first & (0xff >> length);
      let allOnes = value === 0xff >> length;
      for (let i = 1; i < length; i++) {
        value = value * 256 + bytes[i]!;
        if (bytes[i] !== 0xff) allOnes = false;
      }
      return { value, length, unknown: !isId && allOnes };
    };
    const blocks = new Map<number, number>();
    let firstCluster: number | null = null;
    let pos = 0;
    while (pos < size) {
      const id = await vint(pos, true);
      const length = id && (await vint(pos + id.length, false));
      if (!id || !length) break;
      const dataStart = pos + id.length + length.length;
      if (id.value === EBML_CLUSTER && firstCluster === null) firstCluster = pos;
      if (
        id.value === EBML_SEGMENT ||
        id.value === EBML_CLUSTER ||
        id.value === EBML_BLOCK_GROUP ||
        length.unknown
      ) {
        pos = dataStart;
        continue;
      }
      if (id.value === EBML_SIMPLE_BLOCK || id.value === EBML_BLOCK) {
        const track = await vint(dataStart, false);
        if (track) blocks.set(track.value, (blocks.get(track.value) ?? 0) + 1);
      }
      pos = dataStart + length.value;
    }
    return { blocks, firstCluster, size };
  } finally {
    await handle.close();
  }
}

/**
 * WebM: node-ebml decodes the headers (Info: duration and timecode scale; Tracks: the video
 * track's size and DefaultDuration); the frame count is the number of blocks of the video track
 * (scanWebmBlocks), and the frame rate the track's DefaultDuration when given, else frames over
 * duration.
 */
async function probeWebm(path: string) {
  let timecodeScale = 1_000_000;
  let durationTicks: number | null = null;
  const tracks: {
    number?: number;
    type?: number;
    defaultDuration?: number;
    width?: number;
    height?: number;
  }[] = [];
  let current: (typeof tracks)[number] | null = null;
  const decoder = new Decoder();
  decoder.on('data', ([event, tag]: ['start' | 'tag' | 'end', EbmlTag]) => {
    if (event === 'start' && tag.name === 'TrackEntry') {
      current = {};
      tracks.push(current);
    } else if (event === 'end' && tag.name === 'TrackEntry') current = null;
    if (event !== 'tag') return;
    const v = typeof tag.value === 'number' ? tag.value : undefined;
    switch (tag.name) {
      case 'TimecodeScale':
        if (v) timecodeScale = v;
        break;
      case 'Duration':
        if (v !== undefined) durationTicks = v;
        break;
      case 'TrackNumber':
        if (current) current.number = v;
        break;
      case 'TrackType':
        if (current) current.type = v;
        break;
      case 'DefaultDuration':
        if (current) current.defaultDuration = v;
        break;
      case 'PixelWidth':
        if (current) current.width = v;
        break;
      case 'PixelHeight':
        if (current) current.height = v;
        break;
    }
  });
  let blocks: Map<number, number>;
  try {
    const scan = await scanWebmBlocks(path);
    blocks = scan.blocks;
    // The headers sit before the first cluster; without one, read at most the first 16 MiB.
    const end = (scan.firstCluster ?? Math.min(scan.size, 16 << 20)) - 1;
    if (end >= 0) await pipeline(createReadStream(path, { start: 0, end, highWaterMark: 1 << 20 }), decoder);
  } catch (err) {
    throw new ProbeError('broken_file', `The WebM structure is unreadable (${(err as Error).message}).`);
  }
  const video = tracks.find((t) => t.type === 1);
  if (!video)
    throw new ProbeError(
      tracks.length ? 'unsupported_type' : 'broken_file',
      'The file holds no video track.',
    );
  const durationMs = durationTicks === null ? null : Math.round((durationTicks * timecodeScale) / 1e6);
  const frameCount = video.number !== undefined ? (blocks.get(video.number) ?? 0) || null : null;
  let fps: number | null = null;
  if (video.defaultDuration) fps = round3(1e9 / video.defaultDuration);
  else if (frameCount && durationMs) fps = round3(frameCount / (durationMs / 1000));
  return { width: video.width ?? null, height: video.height ?? null, durationMs, fps, frameCount };
}

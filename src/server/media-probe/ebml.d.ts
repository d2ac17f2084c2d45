// The `ebml` package (node-ebml) ships no types; this is the part the WebM probe uses.
declare module 'ebml' {
  import { Transform } from 'node:stream';

  export interface EbmlTag {
    name: string;
    type: string;
    value?: number | string;
    data?: Uint8Array;
    track?: number;
    keyframe?: boolean;
    dataSize?: number;
    tagStr?: string;
  }

  export class Decoder extends Transform {}
}

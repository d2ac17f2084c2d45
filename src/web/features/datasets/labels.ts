import type { DataUnitKind } from './queries.ts';

export const KIND_LABELS: Record<DataUnitKind, string> = {
  image: 'Image',
  image_group: 'Image group',
  video: 'Video',
  text: 'Text',
};

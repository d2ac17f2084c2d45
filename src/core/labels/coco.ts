import type { OntologyDocument } from '../ontology/format.ts';
import type { LabelObject, Point } from './format.ts';
import { boundsOf, polygonArea, rotatedBoxCorners } from './geometry.ts';

// Label objects as COCO (https://cocodataset.org/#format-data) sees them: boxes as `bbox`,
// polygons and rotated boxes as polygon `segmentation` with their `bbox`, keypoint skeletons as
// `keypoints`. COCO has no polylines or lone points; exports count what they leave out.

export interface CocoCategory {
  id: number;
  name: string;
  supercategory: string;
  /** Skeleton categories: point names in order, and edges as 1-based index pairs. */
  keypoints?: string[];
  skeleton?: [number, number][];
}

export interface CocoAnnotation {
  id: number;
  image_id: number;
  category_id: number;
  bbox: [number, number, number, number];
  area: number;
  iscrowd: 0;
  segmentation?: number[][];
  keypoints?: number[];
  num_keypoints?: number;
  /** Gloss's own: the object's id and model confidence, for tracing back. */
  gloss_object_id: string;
  score?: number;
}

const EXPORTED_SHAPES = new Set(['bounding_box', 'rotatable_box', 'polygon', 'keypoint_skeleton']);

/** One category per object feature of an exportable shape (archived ones too: old labels use them), ids from 1. */
export function cocoCategories(ontology: OntologyDocument): {
  categories: CocoCategory[];
  idOf: Map<string, number>;
} {
  const categories: CocoCategory[] = [];
  const idOf = new Map<string, number>();
  for (const feature of ontology.objects) {
    if (!EXPORTED_SHAPES.has(feature.shape)) continue;
    const category: CocoCategory = {
      id: categories.length + 1,
      name: feature.name,
      supercategory: feature.shape,
    };
    if (feature.shape === 'keypoint_skeleton' && feature.skeleton) {
      const index = new Map(feature.skeleton.points.map((p, i) => [p.id, i + 1]));
      category.keypoints = feature.skeleton.points.map((p) => p.name);
      category.skeleton = feature.skeleton.edges.map(([a, b]) => [index.get(a) ?? 0, index.get(b) ?? 0]);
    }
    categories.push(category);
    idOf.set(feature.featureId, category.id);
  }
  return { categories, idOf };
}

const flat = (points: readonly Point[]) => points.flat();

/**
 * The object as a COCO annotation, or null when COCO has no place for its shape. Keypoints follow
 * the skeleton's point order (`pointIds`); v is 2 visible, 1 placed but hidden, 0 not placed.
 */
export function cocoAnnotation(
  object: LabelObject,
  ids: { annotation: number; image: number; category: number },
  pointIds: readonly string[] = [],
): CocoAnnotation | null {
  const g = object.geometry;
  if (!EXPORTED_SHAPES.has(g.type)) return null;
  const b = boundsOf(g);
  const base = {
    id: ids.annotation,
    image_id: ids.image,
    category_id: ids.category,
    bbox: [b.minX, b.minY, b.maxX - b.minX, b.maxY - b.minY] as [number, number, number, number],
    iscrowd: 0 as const,
    gloss_object_id: object.id,
    ...(object.confidence !== undefined ? { score: object.confidence } : {}),
  };
  switch (g.type) {
    case 'bounding_box':
      return { ...base, area: g.w * g.h };
    case 'rotatable_box': {
      const corners = rotatedBoxCorners(g.cx, g.cy, g.w, g.h, g.angle);
      return { ...base, area: g.w * g.h, segmentation: [flat(corners)] };
    }
    case 'polygon':
      return { ...base, area: polygonArea(g.points), segmentation: [flat(g.points)] };
    case 'keypoint_skeleton': {
      const placed = new Map(g.keypoints.map((k) => [k.pointId, k]));
      const keypoints = pointIds.flatMap((id) => {
        const k = placed.get(id);
        return k ? [k.x, k.y, k.visible ? 2 : 1] : [0, 0, 0];
      });
      return { ...base, area: base.bbox[2] * base.bbox[3], keypoints, num_keypoints: placed.size };
    }
    default:
      return null;
  }
}

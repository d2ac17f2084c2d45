import type { Answer, Geometry, LabelDocument, LabelObject, Point } from '../core/labels/format.ts';
import { newObjectId } from '../core/labels/format.ts';
import { type Bounds, boundsOf } from '../core/labels/geometry.ts';
import type { ObjectFeature, OntologyDocument } from '../core/ontology/format.ts';

// Pure operations on label documents. Each returns a new document that shares every object it did
// not change (the canvas compares objects by reference to skip redrawing them) and returns the very
// same document when nothing changed, so callers can tell a no-op from an edit.

/** Who changed an object and when (ISO-8601). */
export interface Stamp {
  userId: string;
  at: string;
}

export interface ImageSize {
  width: number;
  height: number;
}

export function newObject(featureId: string, geometry: Geometry, stamp: Stamp): LabelObject {
  return {
    id: newObjectId(),
    featureId,
    geometry,
    attributes: [],
    createdBy: stamp.userId,
    createdAt: stamp.at,
    updatedBy: stamp.userId,
    updatedAt: stamp.at,
  };
}

const withDocObjects = (doc: LabelDocument, objects: LabelObject[]): LabelDocument => ({ ...doc, objects });

export const addObjects = (doc: LabelDocument, objects: readonly LabelObject[]): LabelDocument =>
  objects.length === 0 ? doc : withDocObjects(doc, [...doc.objects, ...objects]);

/** Applies `fn` to the objects with these ids; an object `fn` returns unchanged keeps its place and identity. */
export function mapObjects(
  doc: LabelDocument,
  ids: ReadonlySet<string>,
  fn: (o: LabelObject) => LabelObject,
): LabelDocument {
  let changed = false;
  const objects = doc.objects.map((o) => {
    if (!ids.has(o.id)) return o;
    const next = fn(o);
    if (next !== o) changed = true;
    return next;
  });
  return changed ? withDocObjects(doc, objects) : doc;
}

export function removeObjects(doc: LabelDocument, ids: ReadonlySet<string>): LabelDocument {
  const objects = doc.objects.filter((o) => !ids.has(o.id));
  return objects.length === doc.objects.length ? doc : withDocObjects(doc, objects);
}

const stamped = (o: LabelObject, stamp: Stamp): LabelObject => ({
  ...o,
  updatedBy: stamp.userId,
  updatedAt: stamp.at,
});

export const withGeometry = (o: LabelObject, geometry: Geometry, stamp: Stamp): LabelObject =>
  o.geometry === geometry ? o : stamped({ ...o, geometry }, stamp);

export const withAttributes = (o: LabelObject, attributes: Answer[], stamp: Stamp): LabelObject =>
  o.attributes === attributes ? o : stamped({ ...o, attributes }, stamp);

/**
 * Gives the object another class of the same shape, keeping its id (history and review comments
 * refer to it). Answers to questions the new class does not ask are dropped: they would not validate.
 */
export function withFeature(o: LabelObject, feature: ObjectFeature, stamp: Stamp): LabelObject {
  if (o.featureId === feature.featureId || feature.shape !== o.geometry.type) return o;
  const asked = new Set(feature.attributes.map((q) => q.featureId));
  return stamped(
    { ...o, featureId: feature.featureId, attributes: o.attributes.filter((a) => asked.has(a.featureId)) },
    stamp,
  );
}

export const withClassifications = (doc: LabelDocument, classifications: Answer[]): LabelDocument =>
  doc.classifications === classifications ? doc : { ...doc, classifications };

// Z-order is the order of document.objects, the last drawn on top.

function reordered(doc: LabelDocument, objects: LabelObject[]): LabelDocument {
  return objects.every((o, i) => o === doc.objects[i]) ? doc : withDocObjects(doc, objects);
}

export function bringToFront(doc: LabelDocument, ids: ReadonlySet<string>): LabelDocument {
  const moving = doc.objects.filter((o) => ids.has(o.id));
  return reordered(doc, [...doc.objects.filter((o) => !ids.has(o.id)), ...moving]);
}

export function sendToBack(doc: LabelDocument, ids: ReadonlySet<string>): LabelDocument {
  const moving = doc.objects.filter((o) => ids.has(o.id));
  return reordered(doc, [...moving, ...doc.objects.filter((o) => !ids.has(o.id))]);
}

/** Each chosen object steps over the unchosen one above it; a block of chosen objects moves as one. */
export function bringForward(doc: LabelDocument, ids: ReadonlySet<string>): LabelDocument {
  const objects = [...doc.objects];
  for (let i = objects.length - 2; i >= 0; i--) {
    const a = objects[i]!;
    const b = objects[i + 1]!;
    if (ids.has(a.id) && !ids.has(b.id)) {
      objects[i] = b;
      objects[i + 1] = a;
    }
  }
  return reordered(doc, objects);
}

export function sendBackward(doc: LabelDocument, ids: ReadonlySet<string>): LabelDocument {
  const objects = [...doc.objects];
  for (let i = 1; i < objects.length; i++) {
    const a = objects[i]!;
    const b = objects[i - 1]!;
    if (ids.has(a.id) && !ids.has(b.id)) {
      objects[i] = b;
      objects[i - 1] = a;
    }
  }
  return reordered(doc, objects);
}

export function translateGeometry(g: Geometry, dx: number, dy: number): Geometry {
  if (dx === 0 && dy === 0) return g;
  const shift = ([x, y]: Point): Point => [x + dx, y + dy];
  switch (g.type) {
    case 'bounding_box':
      return { ...g, x: g.x + dx, y: g.y + dy };
    case 'rotatable_box':
      return { ...g, cx: g.cx + dx, cy: g.cy + dy };
    case 'polygon':
    case 'polyline':
      return { ...g, points: g.points.map(shift) };
    case 'point':
      return { ...g, x: g.x + dx, y: g.y + dy };
    case 'keypoint_skeleton':
      return { ...g, keypoints: g.keypoints.map((k) => ({ ...k, x: k.x + dx, y: k.y + dy })) };
  }
}

export const clampPoint = ([x, y]: readonly [number, number], image: ImageSize): Point => [
  Math.min(image.width, Math.max(0, x)),
  Math.min(image.height, Math.max(0, y)),
];

export function unionBounds(geometries: readonly Geometry[]): Bounds | null {
  let out: Bounds | null = null;
  for (const g of geometries) {
    const b = boundsOf(g);
    out = out
      ? {
          minX: Math.min(out.minX, b.minX),
          minY: Math.min(out.minY, b.minY),
          maxX: Math.max(out.maxX, b.maxX),
          maxY: Math.max(out.maxY, b.maxY),
        }
      : b;
  }
  return out;
}

/**
 * The part of a move (dx, dy) that keeps `b` inside the image. Shapes already reaching outside
 * (imported ones) may still move, just not further out: zero is always allowed.
 */
export function clampTranslation(b: Bounds, dx: number, dy: number, image: ImageSize): [number, number] {
  const clamp = (d: number, min: number, max: number, size: number) =>
    Math.min(Math.max(0, size - max), Math.max(Math.min(0, -min), d));
  return [clamp(dx, b.minX, b.maxX, image.width), clamp(dy, b.minY, b.maxY, image.height)];
}

/** Moves the objects together by (dx, dy), as far as the image allows all of them to go. */
export function moveObjects(
  doc: LabelDocument,
  ids: ReadonlySet<string>,
  dx: number,
  dy: number,
  image: ImageSize,
  stamp: Stamp,
): LabelDocument {
  const bounds = unionBounds(doc.objects.filter((o) => ids.has(o.id)).map((o) => o.geometry));
  if (!bounds) return doc;
  const [cx, cy] = clampTranslation(bounds, dx, dy, image);
  if (cx === 0 && cy === 0) return doc;
  return mapObjects(doc, ids, (o) => withGeometry(o, translateGeometry(o.geometry, cx, cy), stamp));
}

/** How far a paste onto identical geometry is offset, in image pixels, each time. */
export const PASTE_OFFSET = 10;

/**
 * Pastes copies of `objects` under new ids and the paster's name. Only objects whose class is a
 * current feature of this ontology with the same shape are taken (the clipboard may come from
 * another task). Pasting onto identical geometry (pasting twice, or into the source document)
 * offsets the copies by PASTE_OFFSET steps so they can be seen and grabbed.
 */
export function pasteObjects(
  doc: LabelDocument,
  objects: readonly LabelObject[],
  ontology: OntologyDocument,
  stamp: Stamp,
  image: ImageSize,
): { document: LabelDocument; ids: string[] } {
  const features = new Map(ontology.objects.filter((f) => !f.archived).map((f) => [f.featureId, f]));
  const fitting = objects.filter((o) => features.get(o.featureId)?.shape === o.geometry.type);
  const bounds = unionBounds(fitting.map((o) => o.geometry));
  if (!bounds) return { document: doc, ids: [] };
  const taken = new Set(doc.objects.map((o) => JSON.stringify(o.geometry)));
  let dx = 0;
  let dy = 0;
  for (let step = 1; step <= 100; step++) {
    if (!fitting.some((o) => taken.has(JSON.stringify(translateGeometry(o.geometry, dx, dy))))) break;
    [dx, dy] = clampTranslation(bounds, step * PASTE_OFFSET, step * PASTE_OFFSET, image);
  }
  const copies = fitting.map(
    (o): LabelObject => ({
      ...newObject(o.featureId, translateGeometry(o.geometry, dx, dy), stamp),
      attributes: structuredClone(o.attributes),
    }),
  );
  return { document: addObjects(doc, copies), ids: copies.map((o) => o.id) };
}

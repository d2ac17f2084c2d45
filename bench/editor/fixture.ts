// The bench's one scene — a 4000×3000 photo-like JPEG and 2,000 polygons of 20 vertices — and the
// same polygons in each editor's own format, so all three load exactly the same work. Deterministic
// (seeded), so every run and every machine measures the same image and shapes.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { LABEL_FORMAT_VERSION, type LabelDocument, validateLabels } from '../../src/core/labels/index.ts';
import { ONTOLOGY_FORMAT_VERSION, type OntologyDocument } from '../../src/core/ontology/index.ts';
import { mulberry32 } from '../../test/helpers/seeded-random.ts';

export const IMAGE = { width: 4000, height: 3000 } as const;
export const POLYGONS = 2000;
export const VERTICES = 20;
const SEED = 0x5eed;
/** Bumped whenever the generated files change, so a stale cache is rebuilt. */
const FIXTURE_VERSION = 2;

export const IMAGE_FILE = 'image.jpg';
export const FEATURE_ID = 'region';
const COLOR = '#1f77b4';

type Point = [number, number];

/**
 * Star-shaped blobs (vertices at increasing angles, so never self-intersecting) of 15–120 px
 * radius, centred anywhere on the image, in image pixels rounded to 0.1 px.
 */
export function polygons(): Point[][] {
  const random = mulberry32(SEED);
  const out: Point[][] = [];
  for (let i = 0; i < POLYGONS; i++) {
    const radius = 15 + random() * 105;
    const cx = radius + random() * (IMAGE.width - 2 * radius);
    const cy = radius + random() * (IMAGE.height - 2 * radius);
    const turn = random() * Math.PI * 2;
    const points: Point[] = [];
    for (let v = 0; v < VERTICES; v++) {
      const angle = turn + (v / VERTICES) * Math.PI * 2;
      const r = radius * (0.55 + 0.45 * random());
      points.push([round1(cx + r * Math.cos(angle)), round1(cy + r * Math.sin(angle))]);
    }
    out.push(points);
  }
  return out;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Smooth colour fields plus fine grain: a JPEG with texture everywhere, so decoding it is real work
 * (a flat image compresses to nothing and decodes instantly).
 */
async function imageJpeg(): Promise<Buffer> {
  const { width, height } = IMAGE;
  const random = mulberry32(SEED + 1);
  const waves = Array.from({ length: 6 }, () => ({
    fx: (0.5 + random() * 6) / width,
    fy: (0.5 + random() * 6) / height,
    phase: random() * Math.PI * 2,
    channel: Math.floor(random() * 3),
  }));
  const pixels = Buffer.alloc(width * height * 3);
  let grain = SEED;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const base = (y * width + x) * 3;
      const rgb = [90, 110, 100];
      for (const w of waves) {
        rgb[w.channel]! += 60 * Math.sin(Math.PI * 2 * (w.fx * x + w.fy * y) + w.phase);
      }
      // xorshift grain, cheaper than a PRNG call per pixel
      grain ^= grain << 13;
      grain ^= grain >>> 17;
      grain ^= grain << 5;
      const noise = ((grain >>> 0) % 41) - 20;
      pixels[base] = clamp(rgb[0]! + noise);
      pixels[base + 1] = clamp(rgb[1]! + noise);
      pixels[base + 2] = clamp(rgb[2]! + noise);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

export const glossOntology = (): OntologyDocument => ({
  formatVersion: ONTOLOGY_FORMAT_VERSION,
  objects: [{ featureId: FEATURE_ID, name: 'Region', shape: 'polygon', color: COLOR, attributes: [] }],
  classifications: [],
});

const STAMP = '2026-01-01T00:00:00.000Z';
const objectId = (i: number) => `obj-${String(i).padStart(5, '0')}`;

export function glossDocument(shapes: Point[][]): LabelDocument {
  return {
    formatVersion: LABEL_FORMAT_VERSION,
    objects: shapes.map((points, i) => ({
      id: objectId(i),
      featureId: FEATURE_ID,
      geometry: { type: 'polygon', points },
      attributes: [],
      createdBy: 'bench',
      createdAt: STAMP,
      updatedBy: 'bench',
      updatedAt: STAMP,
    })),
    classifications: [],
  };
}

/** Label Studio 1.4: the labelling config and a task whose one annotation holds every polygon (in percent). */
export function labelStudioTask(shapes: Point[][], imageUrl: string) {
  const config = `<View>
  <Image name="image" value="$image" zoom="true" maxWidth="1000px"/>
  <PolygonLabels name="label" toName="image">
    <Label value="Region" background="${COLOR}"/>
  </PolygonLabels>
</View>`;
  const result = shapes.map((points, i) => ({
    id: objectId(i),
    from_name: 'label',
    to_name: 'image',
    type: 'polygonlabels',
    original_width: IMAGE.width,
    original_height: IMAGE.height,
    image_rotation: 0,
    value: {
      points: points.map(([x, y]) => [(x / IMAGE.width) * 100, (y / IMAGE.height) * 100]),
      polygonlabels: ['Region'],
    },
  }));
  return { config, task: { id: 1, data: { image: imageUrl }, annotations: [{ id: 1, result }] } };
}

/** Annotorious 3: its native ImageAnnotation (no format adapter), one POLYGON selector each. */
export function annotoriousAnnotations(shapes: Point[][]) {
  return shapes.map((points, i) => {
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const id = objectId(i);
    return {
      id,
      bodies: [],
      target: {
        annotation: id,
        selector: {
          type: 'POLYGON',
          geometry: {
            points,
            bounds: {
              minX: Math.min(...xs),
              minY: Math.min(...ys),
              maxX: Math.max(...xs),
              maxY: Math.max(...ys),
            },
          },
        },
      },
    };
  });
}

export interface Fixtures {
  dir: string;
  /** The URL path every page loads the image from. */
  imageUrl: string;
}

/**
 * Writes (once per FIXTURE_VERSION) the image and one JSON per editor into `dir`:
 * gloss.json, label-studio.json, annotorious.json.
 */
export async function ensureFixtures(dir: string, urlPrefix: string): Promise<Fixtures> {
  const imageUrl = `${urlPrefix}/${IMAGE_FILE}`;
  const stampFile = join(dir, 'version.json');
  const stamp = JSON.stringify({ FIXTURE_VERSION, imageUrl });
  if (existsSync(stampFile) && (await readFile(stampFile, 'utf8')) === stamp) return { dir, imageUrl };

  await mkdir(dir, { recursive: true });
  const shapes = polygons();
  const ontology = glossOntology();
  const document = glossDocument(shapes);
  // The Gloss document must be one the server would accept, or the bench measures nonsense.
  const checked = validateLabels(document, ontology, { mode: 'save', image: IMAGE });
  if (!checked.ok)
    throw new Error(`bench fixture is not a valid label document: ${JSON.stringify(checked.issues[0])}`);

  await writeFile(join(dir, IMAGE_FILE), await imageJpeg());
  await writeFile(join(dir, 'gloss.json'), JSON.stringify({ imageUrl, image: IMAGE, ontology, document }));
  await writeFile(join(dir, 'label-studio.json'), JSON.stringify(labelStudioTask(shapes, imageUrl)));
  await writeFile(
    join(dir, 'annotorious.json'),
    JSON.stringify({ imageUrl, image: IMAGE, annotations: annotoriousAnnotations(shapes) }),
  );
  await writeFile(stampFile, stamp);
  return { dir, imageUrl };
}

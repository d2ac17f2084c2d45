import { useMemo } from 'react';
import type { Geometry, LabelDocument } from '../../../core/labels/index.ts';
import type { OntologyDocument } from '../../../core/ontology/index.ts';
import type { Size } from '../../../editor/index.ts';
import { annotatorColour } from './describe.ts';
import { type Severity, severityOf } from './draft.ts';
import type { ConsensusRound } from './queries.ts';
import type { ConsensusView } from './use-consensus.ts';

// The annotators' labels compared, read only: all visible branches over the image in their
// colours ("Overlay"), or one pane per branch after the draft ("Side by side"). Shapes of a
// cluster some annotators lack get a red dashed outline, those drawn far apart an amber one.

const FLAG_COLOUR: Record<Exclude<Severity, 'minor'>, string> = { missing: '#dc2626', low: '#f59e0b' };

interface Layer {
  key: string;
  name: string;
  colour: string;
  document: LabelDocument;
  /** Cluster key by object id, for the branch's own objects. */
  clusters: ReadonlyMap<string, string>;
}

export function CompareView({
  round,
  ontology,
  imageUrl,
  image,
  draft,
  hidden,
  view,
  focus,
}: {
  round: ConsensusRound;
  ontology: OntologyDocument;
  imageUrl: string;
  image: Size;
  draft: LabelDocument;
  hidden: ReadonlySet<string>;
  view: Exclude<ConsensusView, 'draft'>;
  focus: string | null;
}) {
  const severities = useMemo(
    () => new Map(round.agreement.objects.map((c) => [c.key, severityOf(c)] as const)),
    [round],
  );
  const layers = useMemo<Layer[]>(
    () =>
      round.branches.map((b, i) => ({
        key: b.annotatorId,
        name: b.name ?? `Annotator ${i + 1}`,
        colour: annotatorColour(i),
        document: b.document,
        clusters: new Map(
          round.agreement.objects.flatMap((c) =>
            c.members.filter((m) => m.annotatorId === b.annotatorId).map((m) => [m.objectId, c.key] as const),
          ),
        ),
      })),
    [round],
  );
  const visible = layers.filter((l) => !hidden.has(l.key));
  const featureColours = useMemo(
    () => new Map(ontology.objects.map((f) => [f.featureId, f.color] as const)),
    [ontology],
  );

  if (view === 'overlay') {
    return (
      <div className="cs-compare cs-overlay">
        <Picture
          label={`Labels of ${visible.map((l) => l.name).join(', ') || 'no annotator'} overlaid`}
          imageUrl={imageUrl}
          image={image}
          layers={visible}
          severities={severities}
          focus={focus}
        />
      </div>
    );
  }
  const draftLayer: Layer = {
    key: 'draft',
    name: 'Draft',
    colour: '',
    document: draft,
    clusters: new Map(),
  };
  return (
    <ul className="cs-compare cs-side" aria-label="Labels side by side">
      <li className="cs-pane">
        <Picture
          label="The draft"
          imageUrl={imageUrl}
          image={image}
          layers={[draftLayer]}
          severities={severities}
          focus={null}
          featureColours={featureColours}
        />
        <span className="cs-pane-name">Draft</span>
      </li>
      {visible.map((l) => (
        <li key={l.key} className="cs-pane">
          <Picture
            label={`${l.name}’s labels`}
            imageUrl={imageUrl}
            image={image}
            layers={[l]}
            severities={severities}
            focus={focus}
          />
          <span className="cs-pane-name">
            <span className="ed-swatch" style={{ background: l.colour }} aria-hidden="true" />
            {l.name}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Picture({
  label,
  imageUrl,
  image,
  layers,
  severities,
  focus,
  featureColours,
}: {
  label: string;
  imageUrl: string;
  image: Size;
  layers: readonly Layer[];
  severities: ReadonlyMap<string, Severity>;
  focus: string | null;
  /** Draw objects in their class's colour (the draft) rather than the layer's. */
  featureColours?: ReadonlyMap<string, string>;
}) {
  return (
    <svg
      className="cs-picture"
      viewBox={`0 0 ${image.width} ${image.height}`}
      preserveAspectRatio="xMidYMid meet"
      role="img"
      aria-label={label}
    >
      <image href={imageUrl} x={0} y={0} width={image.width} height={image.height} />
      {layers.map((l) => (
        <g key={l.key} data-annotator={l.key}>
          {l.document.objects.map((o) => {
            const cluster = l.clusters.get(o.id);
            const severity = cluster === undefined ? undefined : severities.get(cluster);
            const flag = severity === 'missing' || severity === 'low' ? severity : undefined;
            return (
              <g
                key={o.id}
                className={`cs-shape${cluster !== undefined && cluster === focus ? ' cs-shape-focus' : ''}`}
                data-cluster-key={cluster}
                data-flag={flag}
              >
                {flag ? (
                  <GeometryShape
                    geometry={o.geometry}
                    stroke={FLAG_COLOUR[flag]}
                    width={7}
                    dash="8 5"
                    className="cs-flag"
                  />
                ) : null}
                <GeometryShape
                  geometry={o.geometry}
                  stroke={featureColours?.get(o.featureId) ?? l.colour}
                  width={2.5}
                />
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}

export function GeometryShape({
  geometry: g,
  stroke,
  width,
  dash,
  className,
}: {
  geometry: Geometry;
  stroke: string;
  width: number;
  dash?: string;
  className?: string;
}) {
  const paint = {
    className,
    stroke,
    strokeWidth: width,
    strokeDasharray: dash,
    fill: 'none',
    vectorEffect: 'non-scaling-stroke',
  } as const;
  switch (g.type) {
    case 'bounding_box':
      return <rect x={g.x} y={g.y} width={g.w} height={g.h} {...paint} />;
    case 'rotatable_box':
      return (
        <rect
          x={g.cx - g.w / 2}
          y={g.cy - g.h / 2}
          width={g.w}
          height={g.h}
          transform={`rotate(${g.angle} ${g.cx} ${g.cy})`}
          {...paint}
        />
      );
    case 'polygon':
      return <polygon points={g.points.map((p) => p.join(',')).join(' ')} {...paint} />;
    case 'polyline':
      return <polyline points={g.points.map((p) => p.join(',')).join(' ')} {...paint} />;
    case 'point':
      return <circle cx={g.x} cy={g.y} r={4} {...paint} fill={stroke} />;
    case 'keypoint_skeleton':
      return (
        <g>
          {g.keypoints.map((k) => (
            <circle key={k.pointId} cx={k.x} cy={k.y} r={3} {...paint} fill={k.visible ? stroke : 'none'} />
          ))}
        </g>
      );
  }
}

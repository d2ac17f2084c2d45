import { useEffect, useState } from 'react';
import type { LabelDocument } from '../../../core/labels/index.ts';
import type { OntologyDocument } from '../../../core/ontology/index.ts';
import { Loading } from '../../components/States.tsx';
import { GeometryShape } from '../../editor/consensus/CompareView.tsx';
import { GOLD_COLOUR } from './feedback-colours.ts';

// The gold and the annotator's labels over the task's image, as SVG (read only). Loaded on its
// own with the consensus view's shape drawing, which the editor chunk holds anyway.

const YOURS_FALLBACK = '#2563eb';

interface Size {
  width: number;
  height: number;
}

/** The image's size: the data unit's when it knows it, else the image's own once loaded. */
function useImageSize(url: string, known: Size | null): Size | 'failed' | null {
  const [size, setSize] = useState<Size | 'failed' | null>(known);
  useEffect(() => {
    if (known) return;
    const img = new Image();
    img.onload = () => setSize({ width: img.naturalWidth, height: img.naturalHeight });
    img.onerror = () => setSize('failed');
    img.src = url;
    return () => {
      img.onload = null;
      img.onerror = null;
    };
  }, [url, known]);
  return size;
}

export default function FeedbackPicture({
  imageUrl,
  known,
  gold,
  submitted,
  ontology,
  label,
}: {
  imageUrl: string;
  known: Size | null;
  gold: LabelDocument;
  submitted: LabelDocument;
  ontology: OntologyDocument | null;
  label: string;
}) {
  const size = useImageSize(imageUrl, known);
  if (!size) return <Loading label="Loading the image…" />;
  if (size === 'failed') return <p className="empty">The image could not be loaded.</p>;
  const colour = (featureId: string) =>
    ontology?.objects.find((o) => o.featureId === featureId)?.color ?? YOURS_FALLBACK;
  return (
    <svg
      className="benchmark-picture"
      viewBox={`0 0 ${size.width} ${size.height}`}
      preserveAspectRatio="xMidYMid meet"
      role="img"
      aria-label={label}
    >
      <image href={imageUrl} x={0} y={0} width={size.width} height={size.height} />
      <g data-layer="gold">
        {gold.objects.map((o) => (
          <GeometryShape key={o.id} geometry={o.geometry} stroke={GOLD_COLOUR} width={3} />
        ))}
      </g>
      <g data-layer="yours">
        {submitted.objects.map((o) => (
          <GeometryShape key={o.id} geometry={o.geometry} stroke={colour(o.featureId)} width={2} dash="6 4" />
        ))}
      </g>
    </svg>
  );
}

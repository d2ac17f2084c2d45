import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/Alert.tsx';
import { Loading } from '../../components/States.tsx';
import type { DataUnit } from '../datasets/queries.ts';

/**
 * The task's data unit, shown whole: the image, the group's images, the video with its controls,
 * or the text. The label editor will take this place.
 */
export function UnitView({ unit }: { unit: DataUnit }) {
  switch (unit.kind) {
    case 'image':
      return unit.fileUrl ? (
        <img className="unit-view-image" src={unit.fileUrl} alt={unit.title} decoding="async" />
      ) : (
        <NoMedia />
      );
    case 'image_group':
      return (
        <ol className="unit-view-group" aria-label="Images">
          {Array.from({ length: unit.itemCount }, (_, position) => position).map((i) => (
            // The group's positions are its items' identities: fixed, in order.
            <li key={`item-${i}`}>
              <img
                src={`/api/v1/data-units/${unit.id}/items/${i}/file`}
                alt={`${unit.title}, ${i + 1} of ${unit.itemCount}`}
                loading="lazy"
                decoding="async"
              />
            </li>
          ))}
        </ol>
      );
    case 'video':
      return unit.fileUrl ? (
        // biome-ignore lint/a11y/useMediaCaption: the data being labelled has no captions to offer.
        <video
          className="unit-view-video"
          src={unit.fileUrl}
          controls
          preload="metadata"
          aria-label={unit.title}
        />
      ) : (
        <NoMedia />
      );
    case 'text':
      return unit.fileUrl ? <TextUnit url={unit.fileUrl} /> : <NoMedia />;
  }
}

function TextUnit({ url }: { url: string }) {
  const text = useQuery({
    queryKey: ['media-text', url],
    queryFn: async () => {
      const res = await fetch(url, { credentials: 'same-origin' });
      if (!res.ok) throw new Error(`The text could not be loaded (${res.status}).`);
      return res.text();
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (text.isPending) return <Loading />;
  if (text.isError) return <ErrorAlert error={text.error} />;
  return <pre className="unit-view-text">{text.data}</pre>;
}

function NoMedia() {
  return <p className="empty">This data unit has no media to show.</p>;
}

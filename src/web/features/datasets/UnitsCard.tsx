import { useState } from 'react';
import { ErrorAlert } from '../../components/Alert.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Card } from '../../components/Page.tsx';
import { Empty, Loading, LoadMore } from '../../components/States.tsx';
import { useDebounced } from '../../lib/hooks.ts';
import { KIND_LABELS } from './labels.ts';
import { type Dataset, type DataUnit, type DataUnitKind, useDataUnits } from './queries.ts';
import { formatBytes } from './upload.ts';

const KIND_FILTERS: { value: DataUnitKind | ''; label: string }[] = [
  { value: '', label: 'All kinds' },
  { value: 'image', label: 'Images' },
  { value: 'image_group', label: 'Image groups' },
  { value: 'video', label: 'Videos' },
  { value: 'text', label: 'Texts' },
];

/** The dataset's data units as a grid of thumbnails, filtered by kind and title. */
export function UnitsCard({ dataset }: { dataset: Dataset }) {
  const [kind, setKind] = useState<DataUnitKind | ''>('');
  const [q, setQ] = useState('');
  const query = useDebounced(q);
  const units = useDataUnits(dataset.id, { kind, q: query });
  const items = units.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = kind !== '' || query.trim() !== '';

  return (
    <Card title={`Data units (${dataset.unitCount.toLocaleString()})`}>
      <search className="filters" aria-label="Filter data units">
        <TextField
          label="Search data units"
          type="search"
          placeholder="Title"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <SelectField label="Kind" value={kind} onChange={(e) => setKind(e.target.value as DataUnitKind | '')}>
          {KIND_FILTERS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </SelectField>
      </search>
      <ErrorAlert error={units.error} />
      {units.isPending ? (
        <Loading />
      ) : units.isError && !units.data ? null : items.length === 0 ? (
        <Empty>
          {filtered ? 'No data units match these filters.' : 'No data units yet. Upload some above.'}
        </Empty>
      ) : (
        <ul className="unit-grid" aria-label="Data units" aria-busy={units.isPlaceholderData || undefined}>
          {items.map((unit) => (
            <li key={unit.id} className="unit">
              <UnitPreview unit={unit} />
              <div className="unit-body">
                <span className="unit-title" title={unit.title}>
                  {unit.title}
                </span>
                <span className="unit-meta">{unitMeta(unit)}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      <LoadMore
        hasMore={units.hasNextPage}
        loading={units.isFetchingNextPage}
        onLoad={() => units.fetchNextPage()}
      />
    </Card>
  );
}

function UnitPreview({ unit }: { unit: DataUnit }) {
  const src = unit.thumbnailUrl ?? (unit.kind === 'image' ? unit.fileUrl : null);
  if (src) {
    return (
      <div className="unit-thumb">
        <img src={src} alt={unit.title} loading="lazy" decoding="async" />
        {unit.kind === 'image_group' && unit.itemCount ? (
          <span className="unit-count">{unit.itemCount} images</span>
        ) : null}
      </div>
    );
  }
  return (
    <div className="unit-thumb unit-thumb-empty" aria-hidden="true">
      <span>{KIND_LABELS[unit.kind]}</span>
    </div>
  );
}

function unitMeta(unit: DataUnit): string {
  const parts: string[] = [KIND_LABELS[unit.kind]];
  if (unit.width && unit.height) parts.push(`${unit.width}×${unit.height}`);
  // An image group's count is on its thumbnail (or below, when it has none).
  if (unit.kind === 'image_group' && unit.itemCount && !unit.thumbnailUrl)
    parts.push(`${unit.itemCount} images`);
  if (unit.durationMs) parts.push(`${(unit.durationMs / 1000).toFixed(1)} s`);
  if (unit.sizeBytes) parts.push(formatBytes(unit.sizeBytes));
  return parts.join(' · ');
}

import { useState } from 'react';
import { SelectField } from '../../components/Field.tsx';
import { Card } from '../../components/Page.tsx';
import type { Project } from './queries.ts';

// The project's labels as a download: the browser fetches the streamed export itself (the
// session cookie authenticates it), so any size downloads without passing through page memory.

const FORMATS = [
  { value: 'native', label: 'Gloss JSON (tasks, data units, labels, ontology)' },
  { value: 'coco', label: 'COCO (boxes, polygons, keypoints)' },
] as const;

export function ExportCard({ project }: { project: Project }) {
  const [format, setFormat] = useState<(typeof FORMATS)[number]['value']>('native');
  const href = `/api/v1/projects/${project.id}/export?format=${format}`;
  return (
    <Card title="Export labels">
      <p className="hint">
        The latest labels of every task (its main branch). The API and <code>gloss export</code> also filter
        by stage, status, dataset and date.
      </p>
      <div className="form-narrow">
        <SelectField
          label="Format"
          value={format}
          onChange={(e) => setFormat(e.target.value as typeof format)}
        >
          {FORMATS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </SelectField>
        <div className="form-actions form-actions-start">
          <a className="btn btn-primary" href={href} download>
            Download
          </a>
        </div>
      </div>
    </Card>
  );
}

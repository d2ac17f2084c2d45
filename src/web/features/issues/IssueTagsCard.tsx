import { type FormEvent, useState } from 'react';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import { Card } from '../../components/Page.tsx';
import { Loading } from '../../components/States.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { IssueTagChips } from './bits.tsx';
import { useIssueTags, useSaveIssueTags } from './queries.ts';

export const ISSUE_TAG_LIMITS = { count: 100, length: 50 } as const;

/** One tag a line; blank lines and repeats dropped, order kept. */
export function parseIssueTags(text: string): string[] {
  const seen = new Set<string>();
  for (const line of text.split('\n')) {
    const tag = line.trim();
    if (tag) seen.add(tag);
  }
  return [...seen];
}

/** Why the tags cannot be saved as typed, or null. */
function tagsProblem(tags: readonly string[]): string | null {
  if (tags.length > ISSUE_TAG_LIMITS.count) return `At most ${ISSUE_TAG_LIMITS.count} tags.`;
  const long = tags.find((t) => t.length > ISSUE_TAG_LIMITS.length);
  return long ? `“${long.slice(0, 20)}…” is longer than ${ISSUE_TAG_LIMITS.length} characters.` : null;
}

/** The project's issue tags: the common rejection reasons reviewers pick from (managers edit them). */
export function IssueTagsCard({ projectId, readOnly }: { projectId: string; readOnly: boolean }) {
  const tags = useIssueTags(projectId);
  const save = useSaveIssueTags(projectId);
  return (
    <Card title="Issue tags">
      <p className="card-description">
        Common rejection reasons. Reviewers tag the issues they raise with them, so the same problems are
        counted together.
      </p>
      <ErrorAlert error={tags.error ?? save.error} />
      {save.isSuccess ? <Notice kind="success">The issue tags were saved.</Notice> : null}
      {tags.isPending ? (
        <Loading />
      ) : tags.isError ? null : readOnly ? (
        tags.data.length > 0 ? (
          <IssueTagChips tags={tags.data} />
        ) : (
          <p className="muted">No issue tags.</p>
        )
      ) : (
        <IssueTagsForm
          key={tags.data.join('\n')}
          saved={tags.data}
          busy={save.isPending}
          onSave={(names) => save.mutate(names)}
          onEdit={() => {
            if (save.isSuccess || save.isError) save.reset();
          }}
        />
      )}
    </Card>
  );
}

function IssueTagsForm({
  saved,
  busy,
  onSave,
  onEdit,
}: {
  saved: readonly string[];
  busy: boolean;
  onSave: (names: string[]) => void;
  onEdit: () => void;
}) {
  const [text, setText] = useState(saved.join('\n'));
  const tags = parseIssueTags(text);
  const problem = tagsProblem(tags);
  const unchanged = tags.join('\n') === saved.join('\n');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!problem) onSave(tags);
  };
  return (
    <form className="form form-narrow" onSubmit={submit} noValidate>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      <TextAreaField
        label="Issue tags"
        rows={Math.min(10, Math.max(3, tags.length + 1))}
        hint={`One tag a line, up to ${ISSUE_TAG_LIMITS.count} tags of ${ISSUE_TAG_LIMITS.length} characters.`}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onEdit();
        }}
      />
      <div className="form-actions">
        <SubmitButton busy={busy} disabled={unchanged || problem !== null}>
          Save issue tags
        </SubmitButton>
      </div>
    </form>
  );
}

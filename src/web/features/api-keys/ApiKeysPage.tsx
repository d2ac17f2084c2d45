import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type ApiKey, api, unwrap } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { Badge } from '../../components/Badge.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { TextField } from '../../components/Field.tsx';
import { Card, PageHeader } from '../../components/Page.tsx';
import { Empty, Loading, LoadMore } from '../../components/States.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { formatDateTime } from '../../lib/format.ts';

const apiKeysKey = ['api-keys'] as const;

export function ApiKeysPage() {
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            API keys act as you in scripts and tools: send one as{' '}
            <code>Authorization: Bearer &lt;key&gt;</code>.
          </>
        }
      />
      <div className="card-stack">
        <CreateKeyCard />
        <KeyList />
      </div>
    </>
  );
}

function CreateKeyCard() {
  const [name, setName] = useState('');
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/api-keys', { body: { name } })),
    onSuccess: () => {
      setName('');
      return queryClient.invalidateQueries({ queryKey: apiKeysKey });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Card title="Create a key">
      <form className="form form-inline" onSubmit={submit} noValidate>
        <TextField
          label="Key name"
          name="name"
          required
          maxLength={100}
          autoComplete="off"
          placeholder="e.g. Import script"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <SubmitButton busy={create.isPending}>Create API key</SubmitButton>
      </form>
      <ErrorAlert error={create.error} />
      {create.data ? (
        <div className="new-secret">
          <Notice kind="info">
            Copy the key “{create.data.name}” now: it will not be shown again. Store it like a password.
          </Notice>
          <CopyField label="New API key" value={create.data.token} />
        </div>
      ) : null}
    </Card>
  );
}

function KeyList() {
  const keys = useInfiniteQuery({
    queryKey: apiKeysKey,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/api-keys', { params: { query: { cursor: pageParam, limit: 50 } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = keys.data?.pages.flatMap((p) => p.items) ?? [];
  const [error, setError] = useState<unknown>(null);
  return (
    <Card title="Your API keys">
      <ErrorAlert error={error ?? keys.error} />
      {keys.isPending ? (
        <Loading />
      ) : keys.isError && !keys.data ? null : items.length === 0 ? (
        <Empty>You have no API keys.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((key) => (
                <KeyRow key={key.id} apiKey={key} onError={setError} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore
        hasMore={keys.hasNextPage}
        loading={keys.isFetchingNextPage}
        onLoad={() => keys.fetchNextPage()}
      />
    </Card>
  );
}

function KeyRow({ apiKey, onError }: { apiKey: ApiKey; onError: (err: unknown) => void }) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id: apiKey.id } } })),
    onMutate: () => onError(null),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysKey }),
    onError,
  });
  const revoked = apiKey.revokedAt !== null;
  return (
    <tr className={revoked ? 'row-muted' : undefined}>
      <th scope="row" className="cell-name">
        {apiKey.name}
      </th>
      <td>{formatDateTime(apiKey.createdAt)}</td>
      <td>{apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt) : 'Never'}</td>
      <td>{revoked ? <Badge tone="muted">Revoked</Badge> : <Badge tone="success">Active</Badge>}</td>
      <td className="cell-actions">
        {revoked ? null : (
          <button
            type="button"
            className="btn btn-small btn-danger-outline"
            disabled={revoke.isPending}
            onClick={() => revoke.mutate()}
          >
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
}

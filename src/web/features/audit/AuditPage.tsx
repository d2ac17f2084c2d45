import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { Card, PageHeader } from '../../components/Page.tsx';
import { Empty, Loading, LoadMore } from '../../components/States.tsx';
import { useDebounced } from '../../lib/hooks.ts';
import { AuditFilterBar, type AuditFilters, filtersToQuery } from './AuditFilters.tsx';
import { AuditRow, AuditRowDetails } from './AuditRow.tsx';

export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>({ action: '', actorId: '', from: '', to: '' });
  const settled = useDebounced(filters, 300);
  const { query, problem } = filtersToQuery(settled);
  const entries = useInfiniteQuery({
    queryKey: ['audit', query],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/audit', { params: { query: { ...query, cursor: pageParam, limit: 50 } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const items = entries.data?.pages.flatMap((p) => p.items) ?? [];
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change to people, permissions and settings: who, what, when, from where, before and after."
      />
      <Card>
        <AuditFilterBar filters={filters} onChange={setFilters} />
        {problem ? <Notice kind="error">{problem}</Notice> : null}
        <ErrorAlert error={entries.error} />
        {entries.isPending ? (
          <Loading />
        ) : entries.isError && !entries.data ? null : items.length === 0 ? (
          <Empty>No audit entries match these filters.</Empty>
        ) : (
          <div className="table-wrap" aria-busy={entries.isPlaceholderData || undefined}>
            <table className="table table-audit">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Action</th>
                  <th scope="col">Target</th>
                  <th scope="col">IP</th>
                  <th scope="col">
                    <span className="visually-hidden">Details</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((entry) => (
                  <Fragment key={entry.id}>
                    <AuditRow entry={entry} expanded={open.has(entry.id)} onToggle={() => toggle(entry.id)} />
                    {open.has(entry.id) ? <AuditRowDetails entry={entry} /> : null}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore
          hasMore={entries.hasNextPage}
          loading={entries.isFetchingNextPage}
          onLoad={() => entries.fetchNextPage()}
        />
      </Card>
    </>
  );
}

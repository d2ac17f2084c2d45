import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client.ts';

export type Ontology = Schemas['Ontology'];
/** An ontology with its current schema, as the editor loads it. */
export type OntologyDetail = NonNullable<ReturnType<typeof useOntology>['data']>;

export const ontologiesKey = ['ontologies'] as const;
export const ontologyKey = (id: string) => [...ontologiesKey, 'one', id] as const;
export const ontologyAccessKey = (id: string) => [...ontologiesKey, 'access', id] as const;

export type OntologyAccessEntry = Schemas['OntologyAccess'];

const PAGE_SIZE = 50;

export function useOntologyList(q: string) {
  return useInfiniteQuery({
    queryKey: [...ontologiesKey, 'list', q],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/ontologies', {
          params: { query: { q: q.trim() || undefined, cursor: pageParam, limit: PAGE_SIZE } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useOntology(id: string) {
  return useQuery({
    queryKey: ontologyKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/ontologies/{id}', { params: { path: { id } } })),
    retry: false,
    // The editor holds unsaved changes: never swap the document under it behind the user's back.
    refetchOnWindowFocus: false,
  });
}

/** Offers `data` as a JSON file download. */
export function downloadJson(data: unknown, fileName: string) {
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Reads a chosen file as JSON, with a readable error when it is not. */
export async function readJsonFile(file: File): Promise<unknown> {
  const text = await file.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${file.name} is not a JSON file.`);
  }
}

export function useOntologyAccess(id: string) {
  return useQuery({
    queryKey: ontologyAccessKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/ontologies/{id}/access', { params: { path: { id } } })),
  });
}

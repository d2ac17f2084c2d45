import { api, unwrap } from '../../api/client.ts';
import { SharingCard as SharedSharingCard } from '../../components/SharingCard.tsx';
import { type OntologyDetail, ontologyAccessKey, useOntologyAccess } from './queries.ts';

/** Who may use the ontology (Users) or also edit it (Admins), directly or through a group. */
export function SharingCard({ ontology, mayManage }: { ontology: OntologyDetail; mayManage: boolean }) {
  const path = { id: ontology.id };
  return (
    <SharedSharingCard
      mayManage={mayManage}
      description="Users can see every version, export it and use it in projects they administer; Admins can also edit, share and delete it. Workspace Admins can always manage it."
      sharing={{
        noun: 'Ontology',
        access: useOntologyAccess(ontology.id),
        queryKey: ontologyAccessKey(ontology.id),
        share: (principal, role) =>
          unwrap(
            api.PUT('/api/v1/ontologies/{id}/access', { params: { path }, body: { ...principal, role } }),
          ),
        remove: (entry) =>
          unwrap(
            api.DELETE('/api/v1/ontologies/{id}/access/{principalType}/{principalId}', {
              params: {
                path: { ...path, principalType: entry.principalType, principalId: entry.principalId },
              },
            }),
          ),
      }}
    />
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PROJECT_ROLE_LABELS, type ProjectRole } from '../../../core/roles.ts';
import { api, unwrap } from '../../api/client.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { Card } from '../../components/Page.tsx';
import { type PickedPrincipal, PrincipalPicker, principalKey } from '../../components/PrincipalPicker.tsx';
import { Empty, Loading } from '../../components/States.tsx';
import { formatDate } from '../../lib/format.ts';
import { useCurrentUser } from '../auth/session.tsx';
import { assignableRoles, roleOptions } from './permissions.ts';
import {
  type Project,
  type ProjectMember,
  projectKey,
  projectMembersKey,
  useProjectMembers,
} from './queries.ts';

/** A collaborator's name; the API leaves out names of users the caller may not see. */
const memberName = (m: ProjectMember) =>
  m.name ?? (m.principalType === 'group' ? 'A group you cannot see' : 'A user you cannot see');

/** Who works on the project, directly or through a group, and (for managers) adding and removing them. */
export function CollaboratorsCard({ project, editable }: { project: Project; editable: boolean }) {
  const me = useCurrentUser();
  const members = useProjectMembers(project.id);
  const items = members.data?.items ?? [];
  const roles = editable ? assignableRoles(me, project) : [];
  const mayManage = roles.length > 0;
  const [notice, setNotice] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: projectMembersKey(project.id) }),
      queryClient.invalidateQueries({ queryKey: projectKey(project.id) }),
    ]);

  const put = useMutation({
    mutationFn: ({
      principal,
      role,
    }: {
      principal: Pick<PickedPrincipal, 'principalType' | 'principalId' | 'name'>;
      role: ProjectRole;
    }) =>
      unwrap(
        api.PUT('/api/v1/projects/{id}/members', {
          params: { path: { id: project.id } },
          body: { principalType: principal.principalType, principalId: principal.principalId, role },
        }),
      ),
    onMutate: () => setNotice(null),
    onSuccess: (_ok, { principal, role }) => {
      setNotice(`${principal.name} is now ${PROJECT_ROLE_LABELS[role]}.`);
      return refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (member: ProjectMember) =>
      unwrap(
        api.DELETE('/api/v1/projects/{id}/members/{principalType}/{principalId}', {
          params: {
            path: { id: project.id, principalType: member.principalType, principalId: member.principalId },
          },
        }),
      ),
    onMutate: () => setNotice(null),
    onSuccess: (_ok, member) => {
      setNotice(`Removed ${memberName(member)} from the project.`);
      return refresh();
    },
  });
  // A Team Manager may not touch Admins, nor make anyone one.
  const mayEdit = (member: ProjectMember) => mayManage && roles.includes(member.role);

  return (
    <Card title="Collaborators">
      <p className="card-description">
        Annotators label, Reviewers review, Team Managers run the queue, collaborators and status; Admins also
        attach datasets, switch the ontology and delete the project. A group gives its members its role.
      </p>
      {mayManage ? (
        <PrincipalPicker
          roles={roleOptions(roles)}
          roleFieldLabel="Project role"
          defaultRole="annotator"
          submitLabel="Add collaborator"
          busy={put.isPending}
          error={put.error}
          present={new Set(items.map(principalKey))}
          onAdd={(principal, role) => put.mutate({ principal, role })}
        />
      ) : null}
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorAlert error={remove.error ?? (mayManage ? null : put.error) ?? members.error} />
      {members.isPending ? (
        <Loading />
      ) : members.isError ? null : items.length === 0 ? (
        <Empty>No collaborators yet.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Project role</th>
                <th scope="col">Added</th>
                {mayManage ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {items.map((member) => (
                <tr key={principalKey(member)}>
                  <th scope="row" className="cell-name">
                    {memberName(member)}
                    {member.principalType === 'user' && member.principalId === me.id ? (
                      <span className="you"> (you)</span>
                    ) : null}
                    {member.email ? <span className="cell-sub">{member.email}</span> : null}
                  </th>
                  <td>{member.principalType === 'group' ? 'Group' : 'User'}</td>
                  <td>
                    {mayEdit(member) ? (
                      <select
                        className="select-small"
                        aria-label={`Project role of ${memberName(member)}`}
                        value={member.role}
                        disabled={put.isPending}
                        onChange={(e) =>
                          put.mutate({
                            principal: { ...member, name: memberName(member) },
                            role: e.target.value as ProjectRole,
                          })
                        }
                      >
                        {roleOptions(roles).map((r) => (
                          <option key={r.value} value={r.value}>
                            {r.label}
                          </option>
                        ))}
                      </select>
                    ) : (
                      PROJECT_ROLE_LABELS[member.role]
                    )}
                  </td>
                  <td>{formatDate(member.addedAt)}</td>
                  {mayManage ? (
                    <td className="cell-actions">
                      {mayEdit(member) ? (
                        <button
                          type="button"
                          className="btn btn-small btn-danger-outline"
                          aria-label={`Remove ${memberName(member)}`}
                          disabled={remove.isPending}
                          onClick={() => remove.mutate(member)}
                        >
                          Remove
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

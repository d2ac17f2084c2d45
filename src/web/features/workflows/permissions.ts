import { can } from '../../../core/policy/index.ts';
import type { User } from '../../api/client.ts';
import { actorOf } from '../../lib/permissions.ts';
import type { Project } from '../projects/queries.ts';

/** May `me` change the project's workflow (its `myRole`; workspace Admins act as its Admin)? */
export const mayEditWorkflow = (me: User, project: Pick<Project, 'id' | 'myRole'>) =>
  can(actorOf(me), 'project.edit_workflow', {
    kind: 'project',
    id: project.id,
    role: project.myRole ?? null,
  });

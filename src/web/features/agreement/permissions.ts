import { can } from '../../../core/policy/index.ts';
import type { ProjectRole } from '../../../core/roles.ts';
import type { User } from '../../api/client.ts';
import { actorOf } from '../../lib/permissions.ts';

/** Whether the project's `myRole` lets `me` read its agreement report (Admins, Team Managers). */
export const mayViewAgreement = (me: User, project: { id: string; myRole?: ProjectRole | null }) =>
  can(actorOf(me), 'project.view_agreement', {
    kind: 'project',
    id: project.id,
    role: project.myRole ?? null,
  });

import { describe, expect, it } from 'vitest';
import { projectGate } from '../src/core/projects/status-gate.ts';
import { PROJECT_ROLES, PROJECT_STATUSES } from '../src/core/roles.ts';

describe('the project status gate', () => {
  for (const status of PROJECT_STATUSES) {
    for (const role of PROJECT_ROLES) {
      const managing = role === 'admin' || role === 'team_manager';
      const expectedWork =
        status === 'archived'
          ? 'project_archived'
          : status === 'in_progress' || managing
            ? null
            : 'project_not_active';
      it(`${expectedWork ? `refuses (${expectedWork})` : 'lets'} a ${role} work while ${status}`, () => {
        expect(projectGate(status, role, 'work')?.code ?? null).toBe(expectedWork);
      });
      it(`lets a ${role} read while ${status}`, () => {
        expect(projectGate(status, role, 'read')).toBeNull();
      });
      it(`${status === 'archived' ? 'refuses' : 'lets'} a ${role} manage while ${status}`, () => {
        expect(projectGate(status, role, 'manage')?.code ?? null).toBe(
          status === 'archived' ? 'project_archived' : null,
        );
      });
    }
  }
});

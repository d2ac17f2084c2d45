import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { api, forgetSession, unwrap } from '../../api/client.ts';
import { roleLabel } from '../../lib/format.ts';
import { roleMay } from '../../lib/permissions.ts';
import { sessionKey, useCurrentUser } from '../auth/session.tsx';

export const workspaceKey = ['workspace'] as const;

export function useWorkspace() {
  return useQuery({
    queryKey: workspaceKey,
    queryFn: () => unwrap(api.GET('/api/v1/workspace')),
    staleTime: 5 * 60_000,
  });
}

/** The signed-in frame: header, main navigation, and the current page. */
export function AppFrame() {
  return (
    <div className="frame">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader />
      <div className="frame-body">
        <MainNav />
        <main id="main" className="content" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}

function AppHeader() {
  const user = useCurrentUser();
  const workspace = useWorkspace();
  return (
    <header className="app-header">
      <NavLink to="/" className="brand">
        <span className="brand-mark" aria-hidden="true">
          G
        </span>
        <span className="brand-name">{workspace.data?.name ?? 'Gloss'}</span>
      </NavLink>
      <div className="header-user">
        <span className="header-user-name">
          {user.name}
          <span className="header-user-role">{roleLabel(user.role)}</span>
        </span>
        <SignOutButton />
      </div>
    </header>
  );
}

function SignOutButton() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/logout')),
    onSettled: () => {
      // Signed out either way: the session is over here even if the server could not be told.
      forgetSession();
      navigate('/login', { replace: true });
      queryClient.removeQueries();
      queryClient.setQueryData(sessionKey, null);
    },
  });
  return (
    <button
      type="button"
      className="btn btn-small"
      onClick={() => signOut.mutate()}
      disabled={signOut.isPending}
    >
      Sign out
    </button>
  );
}

function MainNav() {
  const user = useCurrentUser();
  const links = [
    { to: '/settings/account', label: 'Account', show: true },
    { to: '/settings/workspace', label: 'Workspace', show: roleMay(user.role, 'workspace.read') },
    { to: '/settings/users', label: 'Users', show: roleMay(user.role, 'user.list') },
    { to: '/settings/groups', label: 'Groups', show: roleMay(user.role, 'group.list') },
    { to: '/settings/api-keys', label: 'API keys', show: true },
    { to: '/settings/audit', label: 'Audit log', show: roleMay(user.role, 'audit.read') },
  ].filter((l) => l.show);
  return (
    <nav aria-label="Main" className="sidebar">
      <ul className="nav-list">
        <li>
          <NavLink to="/" end className="nav-link">
            Home
          </NavLink>
        </li>
        {roleMay(user.role, 'project.list') ? (
          <li>
            <NavLink to="/projects" className="nav-link">
              Projects
            </NavLink>
          </li>
        ) : null}
        <li>
          <NavLink to="/issues" className="nav-link">
            Issues
          </NavLink>
        </li>
        {roleMay(user.role, 'dataset.list') ? (
          <li>
            <NavLink to="/datasets" className="nav-link">
              Datasets
            </NavLink>
          </li>
        ) : null}
        {roleMay(user.role, 'ontology.list') ? (
          <li>
            <NavLink to="/ontologies" className="nav-link">
              Ontologies
            </NavLink>
          </li>
        ) : null}
        {roleMay(user.role, 'workflow_template.list') ? (
          <li>
            <NavLink to="/workflow-templates" className="nav-link">
              Workflow templates
            </NavLink>
          </li>
        ) : null}
        {roleMay(user.role, 'analytics.workspace') ? (
          <li>
            <NavLink to="/reports" className="nav-link">
              Reports
            </NavLink>
          </li>
        ) : null}
      </ul>
      <p className="nav-section" id="nav-settings">
        Settings
      </p>
      <ul className="nav-list" aria-labelledby="nav-settings">
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} className="nav-link">
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

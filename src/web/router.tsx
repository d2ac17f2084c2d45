import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import type { WorkspaceAction } from '../core/policy/index.ts';
import { RequirePermission } from './components/RequirePermission.tsx';
import { AccountPage } from './features/account/AccountPage.tsx';
import { ReportsPage } from './features/analytics/ReportsPage.tsx';
import { ApiKeysPage } from './features/api-keys/ApiKeysPage.tsx';
import { AuditPage } from './features/audit/AuditPage.tsx';
import { InvitePage } from './features/auth/InvitePage.tsx';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { SetupPage } from './features/auth/SetupPage.tsx';
import { GoldFeedbackPage } from './features/benchmark/GoldFeedbackPage.tsx';
import { DatasetPage } from './features/datasets/DatasetPage.tsx';
import { DatasetsPage } from './features/datasets/DatasetsPage.tsx';
import { AppFrame } from './features/frame/AppFrame.tsx';
import { NotFoundPage } from './features/frame/NotFoundPage.tsx';
import { RequireAuth } from './features/frame/RequireAuth.tsx';
import { GroupDetailPage } from './features/groups/GroupDetailPage.tsx';
import { GroupsPage } from './features/groups/GroupsPage.tsx';
import { HomePage } from './features/home/HomePage.tsx';
import { MyIssuesPage } from './features/issues/MyIssuesPage.tsx';
import { OntologiesPage } from './features/ontologies/OntologiesPage.tsx';
import { NewOntologyPage, OntologyEditorPage } from './features/ontologies/OntologyEditorPage.tsx';
import { NewProjectPage } from './features/projects/NewProjectPage.tsx';
import { ProjectPage } from './features/projects/ProjectPage.tsx';
import { ProjectsPage } from './features/projects/ProjectsPage.tsx';
import { TaskPage } from './features/tasks/TaskPage.tsx';
import { UsersPage } from './features/users/UsersPage.tsx';
import { ProjectWorkflowPage } from './features/workflows/ProjectWorkflowPage.tsx';
import { NewTemplatePage, TemplateEditorPage } from './features/workflows/TemplateEditorPage.tsx';
import { TemplatesPage } from './features/workflows/TemplatesPage.tsx';
import { WorkspacePage } from './features/workspace/WorkspacePage.tsx';

const guarded = (action: WorkspaceAction, page: ReactNode) => (
  <RequirePermission action={action}>{page}</RequirePermission>
);

export const router = createBrowserRouter([
  { path: '/setup', element: <SetupPage /> },
  { path: '/login', element: <LoginPage /> },
  { path: '/invite/:token', element: <InvitePage /> },
  {
    element: (
      <RequireAuth>
        <AppFrame />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'projects', element: guarded('project.list', <ProjectsPage />) },
      { path: 'projects/new', element: guarded('project.create', <NewProjectPage />) },
      { path: 'projects/:id', element: <ProjectPage /> },
      { path: 'projects/:id/workflow/edit', element: <ProjectWorkflowPage /> },
      { path: 'tasks/:id', element: <TaskPage /> },
      { path: 'tasks/:id/feedback', element: <GoldFeedbackPage /> },
      { path: 'issues', element: <MyIssuesPage /> },
      { path: 'reports', element: guarded('analytics.workspace', <ReportsPage />) },
      { path: 'datasets', element: guarded('dataset.list', <DatasetsPage />) },
      { path: 'datasets/:id', element: <DatasetPage /> },
      { path: 'ontologies', element: guarded('ontology.list', <OntologiesPage />) },
      { path: 'ontologies/new', element: guarded('ontology.create', <NewOntologyPage />) },
      { path: 'ontologies/:id', element: guarded('ontology.list', <OntologyEditorPage />) },
      { path: 'workflow-templates', element: guarded('workflow_template.list', <TemplatesPage />) },
      { path: 'workflow-templates/new', element: guarded('workflow_template.create', <NewTemplatePage />) },
      { path: 'workflow-templates/:id', element: guarded('workflow_template.list', <TemplateEditorPage />) },
      { path: 'settings/account', element: <AccountPage /> },
      { path: 'settings/workspace', element: guarded('workspace.read', <WorkspacePage />) },
      { path: 'settings/users', element: guarded('user.list', <UsersPage />) },
      { path: 'settings/groups', element: guarded('group.list', <GroupsPage />) },
      { path: 'settings/groups/:id', element: guarded('group.list', <GroupDetailPage />) },
      { path: 'settings/api-keys', element: <ApiKeysPage /> },
      { path: 'settings/audit', element: guarded('audit.read', <AuditPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

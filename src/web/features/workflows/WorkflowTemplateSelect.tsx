import { ErrorAlert } from '../../components/Alert.tsx';
import { SelectField } from '../../components/Field.tsx';
import { useWorkflowTemplates } from './queries.ts';
import { stageSummary } from './TemplatesPage.tsx';

/**
 * The workflow a new project starts from: a template id (`builtin:<key>` or a saved template's
 * id), sent as `workflowTemplateId` when the project is created.
 */
export function WorkflowTemplateSelect({
  value,
  onChange,
  label = 'Workflow',
}: {
  value: string;
  onChange: (templateId: string) => void;
  label?: string;
}) {
  const templates = useWorkflowTemplates();
  const chosen = templates.data?.find((t) => t.id === value);
  return (
    <>
      <SelectField
        label={label}
        value={value}
        disabled={!templates.data}
        hint={chosen ? `${stageSummary(chosen.definition)}. ${chosen.description}` : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {templates.data ? (
          templates.data.map((t) => (
            <option key={t.id} value={t.id}>
              {t.builtIn ? `${t.name} (built-in)` : t.name}
            </option>
          ))
        ) : (
          <option value={value}>Loading…</option>
        )}
      </SelectField>
      <ErrorAlert error={templates.error} />
    </>
  );
}

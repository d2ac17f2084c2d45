import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import {
  REQUIRED_EDGE_KINDS,
  STAGE_TYPE_LABELS,
  type Stage,
  type WorkflowIssue,
} from '../../../core/workflow/index.ts';
import type { StageCount } from './queries.ts';

export type StageNodeData = {
  stage: Stage;
  count: StageCount | undefined;
  issues: readonly WorkflowIssue[];
  connectable: boolean;
};
export type StageNodeType = Node<StageNodeData, 'stage'>;

const HANDLE_LABELS: Record<string, string> = {
  done: 'done',
  approved: 'approved',
  rejected: 'rejected',
  branch: 'branches',
};

const tasks = (n: number) => (n === 1 ? '1 task' : `${n} tasks`);

/** A stage on the canvas: one target handle (left), one source handle per edge kind it needs (right). */
export function StageNode({ data, selected }: NodeProps<StageNodeType>) {
  const { stage, count, issues, connectable } = data;
  const kinds = REQUIRED_EDGE_KINDS[stage.type];
  const classes = [
    'wf-node',
    `wf-node-${stage.type}`,
    selected ? 'wf-node-selected' : '',
    issues.length > 0 ? 'wf-node-invalid' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} data-testid={`stage-node-${stage.id}`}>
      <Handle type="target" position={Position.Left} isConnectable={connectable} />
      <div className="wf-node-name">{stage.name.trim() || <em>Unnamed</em>}</div>
      <div className="wf-node-type">
        {STAGE_TYPE_LABELS[stage.type]}
        {stage.start ? <span className="wf-node-start"> · start</span> : null}
      </div>
      {count ? (
        <div className="wf-node-count" data-testid={`stage-count-${stage.id}`}>
          {tasks(count.total)}
        </div>
      ) : null}
      {issues.length > 0 ? (
        <ul className="wf-node-issues" data-testid={`stage-issues-${stage.id}`}>
          {issues.map((i) => (
            <li key={`${i.code}:${i.path}:${i.message}`}>{i.message}</li>
          ))}
        </ul>
      ) : null}
      {kinds.map((kind, n) => {
        const top = `${((n + 1) * 100) / (kinds.length + 1)}%`;
        return (
          <div key={kind}>
            <span className="wf-handle-label" style={{ top }}>
              {HANDLE_LABELS[kind]}
            </span>
            <Handle
              type="source"
              id={kind}
              position={Position.Right}
              style={{ top }}
              isConnectable={connectable}
              className={`wf-handle wf-handle-${kind}`}
            />
          </div>
        );
      })}
    </div>
  );
}

import {
  applyNodeChanges,
  Background,
  type Connection,
  Controls,
  type EdgeChange,
  type Edge as FlowEdge,
  MarkerType,
  type NodeChange,
  ReactFlow,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useState } from 'react';
import {
  EDGE_KINDS,
  type EdgeKind,
  STAGE_TYPE_LABELS,
  STAGE_TYPES,
  validateWorkflow,
  type Workflow,
  type WorkflowIssue,
} from '../../../core/workflow/index.ts';
import {
  addStage,
  connect,
  edgeIssues,
  edgeLabel,
  issueText,
  layout,
  removeEdge,
  removeStage,
  setPosition,
  stageIssues,
} from './model.ts';
import type { StageCount } from './queries.ts';
import { StageNode, type StageNodeType } from './StageNode.tsx';
import { StagePanel } from './StagePanel.tsx';
import './workflows.css';

const nodeTypes = { stage: StageNode };

export interface WorkflowBuilderProps {
  value: Workflow;
  onChange: (workflow: Workflow) => void;
  /** Tasks per stage (the project editor and the read-only view show them on the nodes). */
  counts?: ReadonlyMap<string, StageCount> | undefined;
  readOnly?: boolean;
}

const isEdgeKind = (k: string | null | undefined): k is EdgeKind => EDGE_KINDS.includes(k as EdgeKind);

/**
 * The visual workflow editor: a palette of stage types, the graph (drag to place, drag between
 * handles to connect), an outline of the stages, the selected stage's settings, and every
 * validation issue — beside what it concerns and in a summary.
 */
export function WorkflowBuilder({ value, onChange, counts, readOnly = false }: WorkflowBuilderProps) {
  const issues = useMemo(() => validateWorkflow(value), [value]);
  const [selectedId, setSelectedId] = useState<string | null>(
    () => value.stages.find((s) => s.start)?.id ?? null,
  );
  const [selectedEdge, setSelectedEdge] = useState<number | null>(null);
  const selected = value.stages.find((s) => s.id === selectedId);

  const nodes = useFlowNodes(value, issues, counts, selectedId, readOnly);
  const edges = useMemo(() => flowEdges(value, issues, selectedEdge), [value, issues, selectedEdge]);

  const onNodesChange = (changes: NodeChange<StageNodeType>[]) => {
    nodes.apply(changes);
    let next = value;
    for (const c of changes) {
      if (c.type === 'select' && c.selected) {
        setSelectedId(c.id);
        setSelectedEdge(null);
      } else if (c.type === 'position' && c.position && c.dragging === false && !readOnly) {
        next = setPosition(next, c.id, c.position);
      } else if (c.type === 'remove' && !readOnly) {
        next = removeStage(next, c.id);
        if (c.id === selectedId) setSelectedId(null);
      }
    }
    if (next !== value) onChange(next);
  };

  const onEdgesChange = (changes: EdgeChange[]) => {
    const removed: number[] = [];
    for (const c of changes) {
      if (c.type === 'select' && c.selected) setSelectedEdge(Number(c.id.slice(1)));
      else if (c.type === 'remove' && !readOnly) removed.push(Number(c.id.slice(1)));
    }
    if (removed.length === 0) return;
    // Highest index first, so the lower ones still point at their edges.
    let next = value;
    for (const i of removed.sort((a, b) => b - a)) next = removeEdge(next, i);
    setSelectedEdge(null);
    onChange(next);
  };

  const onConnect = (c: Connection) => {
    if (readOnly || !isEdgeKind(c.sourceHandle) || c.source === c.target) return;
    onChange(connect(value, c.source, c.sourceHandle, c.target));
  };

  const add = (type: (typeof STAGE_TYPES)[number]) => {
    const { workflow, stageId } = addStage(value, type);
    onChange(workflow);
    setSelectedId(stageId);
  };

  return (
    <div className="wf-builder" data-testid="workflow-builder">
      {!readOnly ? (
        <div className="wf-palette" role="toolbar" aria-label="Add a stage">
          {STAGE_TYPES.map((type) => (
            <button
              key={type}
              type="button"
              className="btn btn-small"
              data-testid={`add-stage-${type}`}
              onClick={() => add(type)}
            >
              Add {STAGE_TYPE_LABELS[type]} stage
            </button>
          ))}
        </div>
      ) : null}
      <div className="wf-main">
        <section className="wf-canvas" aria-label="Workflow graph">
          <ReactFlow<StageNodeType, FlowEdge>
            nodes={nodes.list}
            edges={edges}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            onPaneClick={() => setSelectedEdge(null)}
            nodesDraggable={!readOnly}
            nodesConnectable={!readOnly}
            deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
            fitView
            fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
            minZoom={0.2}
          >
            <Background />
            <Controls showInteractive={false} />
          </ReactFlow>
        </section>
        <aside className="wf-side">
          <nav className="wf-outline" aria-label="Stages">
            <h3 className="wf-side-title">Stages</h3>
            {value.stages.length === 0 ? <p className="muted">No stages yet: add one above.</p> : null}
            <ul>
              {value.stages.map((s) => (
                <li key={s.id}>
                  <button
                    type="button"
                    className={`wf-outline-item${stageIssues(issues, s.id).length > 0 ? ' wf-outline-invalid' : ''}`}
                    aria-pressed={s.id === selectedId}
                    data-testid={`stage-item-${s.id}`}
                    onClick={() => {
                      setSelectedId(s.id);
                      setSelectedEdge(null);
                    }}
                  >
                    {s.name.trim() || s.id}
                  </button>
                  <span className="wf-outline-type">{STAGE_TYPE_LABELS[s.type]}</span>
                </li>
              ))}
            </ul>
          </nav>
          <section className="wf-panel" aria-label="Stage settings" data-testid="stage-panel">
            <h3 className="wf-side-title">
              {selected ? `Stage: ${selected.name.trim() || selected.id}` : 'Stage settings'}
            </h3>
            {selected ? (
              <StagePanel
                key={selected.id}
                workflow={value}
                stage={selected}
                issues={issues}
                count={counts?.get(selected.id)}
                readOnly={readOnly}
                onChange={onChange}
                onDeleted={() => setSelectedId(null)}
              />
            ) : (
              <p className="muted">Select a stage on the graph or in the list to configure it.</p>
            )}
          </section>
        </aside>
      </div>
      <IssueSummary workflow={value} issues={issues} onSelect={(id) => setSelectedId(id)} />
    </div>
  );
}

function IssueSummary({
  workflow,
  issues,
  onSelect,
}: {
  workflow: Workflow;
  issues: readonly WorkflowIssue[];
  onSelect: (stageId: string) => void;
}) {
  if (issues.length === 0) return null;
  return (
    <section
      className="wf-issues alert alert-error"
      aria-label="Problems to fix"
      data-testid="workflow-issues"
    >
      <p>{issues.length === 1 ? '1 problem to fix:' : `${issues.length} problems to fix:`}</p>
      <ul className="problem-list">
        {issues.map((i, n) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id; their order is stable per document
          <li key={n}>
            {i.stageId && workflow.stages.some((s) => s.id === i.stageId) ? (
              <button type="button" className="link-button" onClick={() => onSelect(i.stageId!)}>
                {issueText(workflow, i)}
              </button>
            ) : (
              issueText(workflow, i)
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function flowEdges(w: Workflow, issues: readonly WorkflowIssue[], selectedEdge: number | null): FlowEdge[] {
  const ids = new Set(w.stages.map((s) => s.id));
  return w.edges.flatMap((e, i) => {
    if (!ids.has(e.from) || !ids.has(e.to) || e.from === e.to) return [];
    const invalid = edgeIssues(issues, i).length > 0;
    return [
      {
        id: `e${i}`,
        source: e.from,
        target: e.to,
        sourceHandle: e.kind,
        label: edgeLabel(e),
        selected: i === selectedEdge,
        className: `wf-edge wf-edge-${e.kind}${invalid ? ' wf-edge-invalid' : ''}`,
        markerEnd: { type: MarkerType.ArrowClosed },
        ariaLabel: `${edgeLabel(e)}: ${w.stages.find((s) => s.id === e.from)?.name} to ${w.stages.find((s) => s.id === e.to)?.name}`,
      },
    ];
  });
}

/**
 * The canvas nodes, kept in state so that what React Flow measures (sizes) and drags (positions in
 * flight) survives re-renders; rebuilt from the document whenever it changes.
 */
function useFlowNodes(
  w: Workflow,
  issues: readonly WorkflowIssue[],
  counts: ReadonlyMap<string, StageCount> | undefined,
  selectedId: string | null,
  readOnly: boolean,
) {
  const [list, setList] = useState<StageNodeType[]>([]);
  useEffect(() => {
    const positions = layout(w);
    setList((previous) => {
      const before = new Map(previous.map((n) => [n.id, n]));
      return w.stages.map((stage): StageNodeType => {
        const old = before.get(stage.id);
        return {
          id: stage.id,
          type: 'stage',
          position: positions.get(stage.id) ?? { x: 0, y: 0 },
          ...(old?.measured ? { measured: old.measured } : {}),
          selected: stage.id === selectedId,
          deletable: !readOnly,
          ariaLabel: `${stage.name.trim() || stage.id} (${STAGE_TYPE_LABELS[stage.type]} stage)`,
          data: {
            stage,
            count: counts?.get(stage.id),
            issues: stageIssues(issues, stage.id),
            connectable: !readOnly,
          },
        };
      });
    });
  }, [w, issues, counts, selectedId, readOnly]);
  return {
    list,
    apply: (changes: NodeChange<StageNodeType>[]) => setList((l) => applyNodeChanges(changes, l)),
  };
}

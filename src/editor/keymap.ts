import type { OntologyDocument } from '../core/ontology/format.ts';
import type { KeyInput, ToolId } from './tools/tool.ts';

// Every shortcut in one table: the store dispatches by it and the help overlay lists it, so the
// two cannot drift apart. Keys are shown in their display form (Ctrl stands for Ctrl or Cmd).

export type ShortcutGroup = 'Tools' | 'Edit' | 'View' | 'Task';

export type ShortcutAction =
  | `tool.${ToolId}`
  | 'cancel'
  | 'finish'
  | 'removeLastVertex'
  | 'skipKeypoint'
  | 'hiddenKeypoint'
  | 'delete'
  | 'undo'
  | 'redo'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'addToSelection'
  | 'deleteVertex'
  | 'insertVertex'
  | 'snapRotation'
  | 'selectNext'
  | 'selectPrevious'
  | 'nudge'
  | 'nudgeFar'
  | 'bringForward'
  | 'sendBackward'
  | 'bringToFront'
  | 'sendToBack'
  | 'toggleHidden'
  | 'toggleLocked'
  | 'fit'
  | 'zoomIn'
  | 'zoomOut'
  | 'zoomWheel'
  | 'pan'
  | 'panWheel'
  | 'help'
  | 'submit'
  | 'skip'
  | 'save';

export interface Shortcut {
  keys: string[];
  action: ShortcutAction;
  description: string;
  group: ShortcutGroup;
}

/** The letter of each tool; a tool is offered only when the ontology has its shape. */
export const TOOL_KEYS: Readonly<Record<string, ToolId>> = {
  v: 'select',
  b: 'bounding_box',
  r: 'rotatable_box',
  p: 'polygon',
  l: 'polyline',
  o: 'point',
  k: 'keypoint_skeleton',
};

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['V'], action: 'tool.select', description: 'Select and edit', group: 'Tools' },
  { keys: ['B'], action: 'tool.bounding_box', description: 'Bounding box', group: 'Tools' },
  { keys: ['R'], action: 'tool.rotatable_box', description: 'Rotatable box', group: 'Tools' },
  { keys: ['P'], action: 'tool.polygon', description: 'Polygon', group: 'Tools' },
  { keys: ['L'], action: 'tool.polyline', description: 'Polyline', group: 'Tools' },
  { keys: ['O'], action: 'tool.point', description: 'Point', group: 'Tools' },
  { keys: ['K'], action: 'tool.keypoint_skeleton', description: 'Keypoint skeleton', group: 'Tools' },
  {
    keys: ['Esc'],
    action: 'cancel',
    description: 'Cancel the shape being drawn, or clear the selection',
    group: 'Edit',
  },
  {
    keys: ['Enter'],
    action: 'finish',
    description: 'Finish the polygon, polyline or skeleton',
    group: 'Edit',
  },
  {
    keys: ['Backspace'],
    action: 'removeLastVertex',
    description: 'While drawing: remove the last point',
    group: 'Edit',
  },
  { keys: ['N'], action: 'skipKeypoint', description: 'Skeleton: skip the next point', group: 'Edit' },
  {
    keys: ['Shift+Click'],
    action: 'hiddenKeypoint',
    description: 'Skeleton: place the point as not visible',
    group: 'Edit',
  },
  {
    keys: ['Delete', 'Backspace'],
    action: 'delete',
    description: 'Delete the selection (or the selected vertex)',
    group: 'Edit',
  },
  { keys: ['Ctrl+Z'], action: 'undo', description: 'Undo', group: 'Edit' },
  { keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], action: 'redo', description: 'Redo', group: 'Edit' },
  { keys: ['Ctrl+C'], action: 'copy', description: 'Copy the selection', group: 'Edit' },
  { keys: ['Ctrl+V'], action: 'paste', description: 'Paste', group: 'Edit' },
  { keys: ['Ctrl+A'], action: 'selectAll', description: 'Select all', group: 'Edit' },
  {
    keys: ['Shift+Click'],
    action: 'addToSelection',
    description: 'Add to or remove from the selection',
    group: 'Edit',
  },
  { keys: ['Alt+Click'], action: 'deleteVertex', description: 'Delete the vertex clicked', group: 'Edit' },
  {
    keys: ['Double-click'],
    action: 'insertVertex',
    description: 'Insert a vertex on an edge',
    group: 'Edit',
  },
  { keys: ['Shift+Drag'], action: 'snapRotation', description: 'Rotate in 15° steps', group: 'Edit' },
  { keys: ['Tab'], action: 'selectNext', description: 'Select the next object', group: 'Edit' },
  { keys: ['Shift+Tab'], action: 'selectPrevious', description: 'Select the previous object', group: 'Edit' },
  { keys: ['←', '↑', '→', '↓'], action: 'nudge', description: 'Nudge the selection 1 px', group: 'Edit' },
  {
    keys: ['Shift+←', 'Shift+↑', 'Shift+→', 'Shift+↓'],
    action: 'nudgeFar',
    description: 'Nudge the selection 10 px',
    group: 'Edit',
  },
  { keys: [']'], action: 'bringForward', description: 'Bring forward', group: 'Edit' },
  { keys: ['['], action: 'sendBackward', description: 'Send backward', group: 'Edit' },
  { keys: ['Shift+]'], action: 'bringToFront', description: 'Bring to front', group: 'Edit' },
  { keys: ['Shift+['], action: 'sendToBack', description: 'Send to back', group: 'Edit' },
  { keys: ['H'], action: 'toggleHidden', description: 'Hide or show the selection', group: 'Edit' },
  { keys: ['Ctrl+L'], action: 'toggleLocked', description: 'Lock or unlock the selection', group: 'Edit' },
  { keys: ['F', '0'], action: 'fit', description: 'Fit the image', group: 'View' },
  { keys: ['+'], action: 'zoomIn', description: 'Zoom in', group: 'View' },
  { keys: ['-'], action: 'zoomOut', description: 'Zoom out', group: 'View' },
  { keys: ['Wheel'], action: 'zoomWheel', description: 'Zoom at the pointer', group: 'View' },
  { keys: ['Space+Drag', 'Middle-drag'], action: 'pan', description: 'Pan', group: 'View' },
  { keys: ['Shift+Wheel'], action: 'panWheel', description: 'Pan', group: 'View' },
  { keys: ['?'], action: 'help', description: 'Show or hide these shortcuts', group: 'View' },
  { keys: ['Ctrl+Enter'], action: 'submit', description: 'Submit the task', group: 'Task' },
  { keys: ['Ctrl+Shift+K'], action: 'skip', description: 'Skip the task', group: 'Task' },
  { keys: ['Ctrl+S'], action: 'save', description: 'Save now', group: 'Task' },
];

/** Class hotkeys of the ontology (lower-case key → object feature id); archived classes have none. */
export function featureHotkeys(ontology: OntologyDocument): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of ontology.objects) {
    const key = f.hotkey?.toLowerCase();
    if (!key || f.archived || out.has(key)) continue;
    out.set(key, f.featureId);
  }
  return out;
}

const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);

function modifiedAction(key: string, k: KeyInput): ShortcutAction | null {
  const shift = k.shift === true;
  switch (key) {
    case 'z':
      return shift ? 'redo' : 'undo';
    case 'y':
      return shift ? null : 'redo';
    case 'c':
      return shift ? null : 'copy';
    case 'v':
      return shift ? null : 'paste';
    case 'a':
      return shift ? null : 'selectAll';
    case 'l':
      return shift ? null : 'toggleLocked';
    case 'k':
      return shift ? 'skip' : null;
    case 's':
      return shift ? null : 'save';
    case 'Enter':
      return 'submit';
    default:
      return null;
  }
}

/**
 * The action a key press stands for, or null. Brackets are matched by `code` too, since Shift
 * turns ] into } on many layouts; + and - also by the unshifted = and _ that share their keys.
 */
export function shortcutFor(k: KeyInput): ShortcutAction | null {
  const key = k.key.length === 1 ? k.key.toLowerCase() : k.key;
  if (k.alt) return null;
  if (k.ctrl || k.meta) return modifiedAction(key, k);
  const shift = k.shift === true;
  if (ARROWS.has(key)) return shift ? 'nudgeFar' : 'nudge';
  if (key === ']' || key === '}' || k.code === 'BracketRight') return shift ? 'bringToFront' : 'bringForward';
  if (key === '[' || key === '{' || k.code === 'BracketLeft') return shift ? 'sendToBack' : 'sendBackward';
  const tool = TOOL_KEYS[key];
  if (tool) return `tool.${tool}`;
  switch (key) {
    case 'Escape':
      return 'cancel';
    case 'Enter':
      return 'finish';
    case 'Delete':
    case 'Backspace':
      return 'delete';
    case 'Tab':
      return shift ? 'selectPrevious' : 'selectNext';
    case 'h':
      return 'toggleHidden';
    case 'f':
    case '0':
      return 'fit';
    case '+':
    case '=':
      return 'zoomIn';
    case '-':
    case '_':
      return 'zoomOut';
    case '?':
      return 'help';
    default:
      return null;
  }
}

import { PathDrawingTool } from './path-drawing.ts';

/** Finishes on a double-click or Enter, with at least 2 points. */
export const createPolylineTool = () => new PathDrawingTool('polyline');

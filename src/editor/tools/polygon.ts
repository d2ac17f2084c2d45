import { PathDrawingTool } from './path-drawing.ts';

/** Closes on a click on its first vertex, a double-click or Enter, with at least 3 points. */
export const createPolygonTool = () => new PathDrawingTool('polygon');

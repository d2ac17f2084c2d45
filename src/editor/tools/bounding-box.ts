import { DragBoxTool } from './drag-box.ts';

export const createBoundingBoxTool = () => new DragBoxTool('bounding_box');

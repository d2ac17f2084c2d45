import { DragBoxTool } from './drag-box.ts';

/** Drawn axis-aligned (angle 0); the rotate handle turns it afterwards. */
export const createRotatableBoxTool = () => new DragBoxTool('rotatable_box');

import { createBoundingBoxTool } from './bounding-box.ts';
import { createKeypointSkeletonTool } from './keypoint-skeleton.ts';
import { createPointTool } from './point.ts';
import { createPolygonTool } from './polygon.ts';
import { createPolylineTool } from './polyline.ts';
import { createRotatableBoxTool } from './rotatable-box.ts';
import { createSelectTool } from './select.ts';
import type { Tool, ToolId } from './tool.ts';

/** A fresh set of tools for one store: tools hold the state of the gesture in progress. */
export const createTools = (): Record<ToolId, Tool> => ({
  select: createSelectTool(),
  bounding_box: createBoundingBoxTool(),
  rotatable_box: createRotatableBoxTool(),
  polygon: createPolygonTool(),
  polyline: createPolylineTool(),
  point: createPointTool(),
  keypoint_skeleton: createKeypointSkeletonTool(),
});

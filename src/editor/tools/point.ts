import { idleTool, type PointerInput, type Tool, type ToolContext } from './tool.ts';

/** One click, one point: there is nothing in progress to cancel or undo. */
export const createPointTool = (): Tool => ({
  ...idleTool,
  pointerDown(ctx: ToolContext, p: PointerInput) {
    if ((p.button ?? 0) !== 0) return;
    const feature = ctx.activeFeatureFor('point');
    if (!feature) return;
    const [x, y] = ctx.toImageClamped(p);
    ctx.create(feature.featureId, { type: 'point', x, y });
  },
});

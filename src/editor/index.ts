// The label editor's engine: headless (no React, no DOM, no fetch), driven by scripted or
// forwarded input. src/web/editor binds it to the page.

export * from './answers.ts';
export * from './autosave.ts';
export * from './document-ops.ts';
export * from './handles.ts';
export * from './history.ts';
export * from './hit-test.ts';
export * from './keymap.ts';
export * from './merge.ts';
export * from './store.ts';
export type { Draft, KeyInput, PointerInput, Tool, ToolContext, ToolId } from './tools/tool.ts';
export { DRAG_THRESHOLD, DRAWING_TOOLS } from './tools/tool.ts';
export * from './viewport.ts';

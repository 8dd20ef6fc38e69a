export * from './dom';
export { htmlToLines, layoutNodes, type LayoutOptions } from './layout';

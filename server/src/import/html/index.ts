export * from './dom';
export { htmlToLines, layoutNodes } from './layout';

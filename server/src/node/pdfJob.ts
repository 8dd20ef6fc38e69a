// One PDF export as plain data, and how the language server's PDF thread (pdfWorker.ts) makes it.
// Where there is no worker bundle (tests from source) the server's own service makes it instead.
import { createLanguageService, type ReferatLanguageService, type Rendered } from '../service/languageService';
import { nodeFonts } from './fonts';
import { nodePaths } from './paths';
import { nodeWorkspace } from './nodeWorkspace';

export type PdfJobOptions = Parameters<ReferatLanguageService['renderPdf']>[1];

/** What a thread needs to make the PDF the editor asked for: the text as it stands in the editor. */
export interface PdfJob {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly options: PdfJobOptions;
}

/**
 * The PDF of the job's text, or the public version's refusal, decided on the same thread from the
 * same reading of the text. A service of its own per job: it reads the referat.yaml on the disk now,
 * as the language server's own service does, and keeps nothing between exports.
 */
export function renderPdfJob(job: PdfJob): Promise<Rendered<Uint8Array>> {
  const service = createLanguageService({ workspace: nodeWorkspace, paths: nodePaths, fonts: nodeFonts });
  return service.renderPdf({ uri: job.uri, version: job.version, getText: () => job.text }, job.options).finally(() => service.dispose());
}

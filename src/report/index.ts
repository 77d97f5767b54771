/**
 * Review reports of a `BrochureDocument`: a standalone HTML page and a plain-text summary.
 */
export {
  renderHtml,
  escapeHtml,
  fieldOfCode,
  brochureFieldOfCode,
  PROJECT_FIELD_RULES,
  BROCHURE_FIELD_RULES,
} from './html.js';
export type { HtmlOptions, ProjectField, BrochureField } from './html.js';
export { renderText, countBySeverity, countByCode, groupDiagnostics, formatNumero, SEVERITIES } from './text.js';
export type { TextOptions, DiagnosticGroups } from './text.js';

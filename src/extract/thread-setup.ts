/**
 * Set-up of a page-reading thread, evaluated before pdf.js (`pdf-worker.ts` imports it first):
 * pdf.js reads these globals when its modules are evaluated or when it inflates a stream. Each
 * step is explained in its own module; none of them changes what pdf.js reads from a PDF.
 */
import './no-canvas.js';
import { deferResponse } from './deferred-response.js';
import { installSyncInflate } from './sync-inflate.js';

deferResponse();
installSyncInflate();

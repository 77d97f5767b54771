/**
 * Characters no French brochure prints. Shared by the PDF adapter's text-layer checks, which
 * count and repair them, and by the normalise checks, which then blame the text layer instead of
 * the brochure. Not a convention of the document family: true of any French text.
 */

/**
 * A character that cannot belong to a French brochure's text: control characters, CJK
 * ideographs and Hangul, private-use code points (but the legacy ligatures U+F001/U+F002, which
 * are spelt out) and U+FFFD. Found in a PDF's text, it shows a damaged text layer.
 */
export const UNREADABLE_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u3000-\u9fff\uac00-\ud7af\ue000-\uf000\uf003-\uf8ff\uf900-\ufaff\ufffd]/u;

const s = performance.now();
const min = process.argv[2] === 'min';
await import(min ? '../node_modules/pdfjs-dist/legacy/build/pdf.min.mjs' : '../node_modules/pdfjs-dist/legacy/build/pdf.mjs');
await import(min ? '../node_modules/pdfjs-dist/legacy/build/pdf.worker.min.mjs' : '../node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs');
console.log(process.argv[2], (performance.now() - s).toFixed(0));

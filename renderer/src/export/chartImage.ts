/**
 * An SVG chart as a standalone file: the namespace declared, the size in pixels, a white
 * background (a transparent chart is unreadable in a dark viewer). Plot's SVG already
 * carries its own <style>, so nothing else is needed.
 */
export function svgFileText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  const width = copy.getAttribute('width') ?? String(svg.clientWidth);
  const height = copy.getAttribute('height') ?? String(svg.clientHeight);
  copy.setAttribute('width', width);
  copy.setAttribute('height', height);
  copy.style.background = 'white';
  copy.style.maxWidth = 'none';
  const ns = 'http://www.w3.org/2000/svg';
  const bg = document.createElementNS(ns, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', 'white');
  copy.insertBefore(bg, copy.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

/**
 * The chart as a PNG, drawn from its SVG on an offscreen canvas at `scale` times its size
 * (sharp on high-density screens and in slides). Everything stays in the page: the SVG
 * goes through a blob: URL, which the CSP allows for images, and nothing is fetched.
 */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const text = svgFileText(svg);
  const width = Math.ceil(Number(svg.getAttribute('width')) || svg.clientWidth);
  const height = Math.ceil(Number(svg.getAttribute('height')) || svg.clientHeight);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image(width, height);
    img.src = url;
    await img.decode();
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(width * scale, height * scale);
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = 'white';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      return await canvas.convertToBlob({ type: 'image/png' });
    }
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = 'white';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

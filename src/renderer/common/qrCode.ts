import qrcodegen from 'nayuki-qr-code-generator';

const { QrCode, QrSegment } = qrcodegen;

/** ECI assignment number 26: the bytes that follow are UTF-8 (ISO/IEC 18004, AIM ECI). */
export const ECI_UTF8 = 26;

/** The dark and light modules of a QR code, row by row, without the quiet zone. */
export interface QrModules {
  size: number;
  dark: (x: number, y: number) => boolean;
}

/**
 * Encodes `text` as a QR code. Text beyond ASCII is written as UTF-8 bytes behind an ECI designator for UTF-8: without
 * it a code's bytes are ISO 8859-1 by the standard, and decoders guess (zbar read "·" as "繚"). Plain ASCII, such as
 * a pairing address, needs no designator and keeps the most compact code.
 */
export function encodeQr(text: string, level: 'L' | 'M'): QrModules {
  const ecc = level === 'L' ? QrCode.Ecc.LOW : QrCode.Ecc.MEDIUM;
  // eslint-disable-next-line no-control-regex -- the ASCII range itself is what is tested
  const segments = /^[\x00-\x7f]*$/.test(text)
    ? QrSegment.makeSegments(text)
    : [QrSegment.makeEci(ECI_UTF8), QrSegment.makeBytes([...new TextEncoder().encode(text)])];
  const code = QrCode.encodeSegments(segments, ecc);
  return { size: code.size, dark: (x, y) => code.getModule(x, y) };
}

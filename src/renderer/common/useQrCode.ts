import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * A QR code for `text` as a PNG data URL, drawn on this device (no network); null until it is ready or if it fails.
 * A long text on a clean screen can take level 'L' (less error correction, larger modules).
 */
export function useQrCode(text: string, width: number, level: 'L' | 'M' = 'M'): string | null {
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { errorCorrectionLevel: level, margin: 2, width })
      .then((url) => live && setQr(url))
      .catch(() => live && setQr(null));
    return () => {
      live = false;
    };
  }, [text, width, level]);
  return qr;
}

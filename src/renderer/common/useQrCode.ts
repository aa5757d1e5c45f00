import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code for `text` as a PNG data URL, drawn on this device (no network); null until it is ready or if it fails. */
export function useQrCode(text: string, width: number): string | null {
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width })
      .then((url) => live && setQr(url))
      .catch(() => live && setQr(null));
    return () => {
      live = false;
    };
  }, [text, width]);
  return qr;
}

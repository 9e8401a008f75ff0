// A QR code of a URL as an SVG string, drawn on the server (no script, no image request).
import QRCode from "qrcode";

export async function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M", color: { dark: "#1d1b18", light: "#ffffff" } });
}

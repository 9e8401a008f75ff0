// Sizes as people read them ("2 KB", "1.5 MB", "512 MB"), in binary units; usable in the browser.
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 10 ? Math.round(v) : Number(v.toFixed(1))} ${units[i]}`;
}

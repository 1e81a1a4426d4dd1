/** Text on a goal's colour: white unless the colour is light (goals 7 and 11's yellows/oranges). */
export function goalTextColor(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return (1.05) / (luminance + 0.05) >= 4.5 ? "#ffffff" : "#111111";
}
